namespace Vigil.Server.Pipeline;

/// <summary>An entity an alert involves, with the context the organisation gave for it.</summary>
/// <param name="Kind"><c>user</c>, <c>host</c> or <c>ip</c>.</param>
/// <param name="Name">The canonical name when it resolved, else the name as logged.</param>
/// <param name="Criticality">The asset criticality (<c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>), or null when unknown.</param>
/// <param name="Owner">The asset owner, or null.</param>
/// <param name="BusinessUnit">The business unit, or null.</param>
/// <param name="Privileged">Whether the user is privileged.</param>
/// <param name="Tags">The asset's tags from the inventory (<c>clinical</c>, <c>domain-controller</c>...), or null.</param>
public sealed record AlertEntity(string Kind, string Name, string? Criticality, string? Owner, string? BusinessUnit, bool Privileged, IReadOnlyList<string>? Tags = null);
