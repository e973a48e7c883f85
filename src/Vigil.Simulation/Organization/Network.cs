namespace Vigil.Simulation.Organization;

/// <summary>A network segment, listed in <c>assets.csv</c> as a CIDR row so that any address in it gets context.</summary>
/// <param name="Name">The name (<c>Clinical VLAN</c>).</param>
/// <param name="Cidr">The prefix (<c>10.30.0.0/16</c>).</param>
/// <param name="BusinessUnit">The business unit.</param>
/// <param name="Criticality">low, medium, high or critical.</param>
/// <param name="Tags">The tags.</param>
internal sealed record Network(string Name, string Cidr, string BusinessUnit, string Criticality, IReadOnlyList<string> Tags);
