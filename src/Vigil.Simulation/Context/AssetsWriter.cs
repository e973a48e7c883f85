using System.Text;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Writers;

namespace Vigil.Simulation.Context;

/// <summary>Writes <c>context/assets.csv</c>: every host, then the network segments (docs/context.md).</summary>
internal static class AssetsWriter
{
    /// <summary>Renders the file.</summary>
    public static string Render(SimulatedOrganization organization)
    {
        var text = new StringBuilder("name,fqdn,ip,owner,business_unit,criticality,tags,type\n");
        foreach (var host in organization.Hosts)
        {
            Row(text, host.Name, host.Fqdn, host.Ip, host.Owner, host.BusinessUnit, host.Criticality, host.Tags, host.Type);
        }

        foreach (var network in organization.Networks)
        {
            Row(text, network.Name, string.Empty, network.Cidr, "network-team", network.BusinessUnit, network.Criticality, network.Tags, "network");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string fqdn, string ip, string owner, string unit, string criticality, IReadOnlyList<string> tags, string type)
        => text.AppendJoin(',', Escaping.Csv(name), Escaping.Csv(fqdn), Escaping.Csv(ip), Escaping.Csv(owner), Escaping.Csv(unit), criticality,
            Escaping.Csv(string.Join(';', tags)), type).Append('\n');
}
