namespace Vigil.Server.Endpoints;

/// <summary>A change of incident status.</summary>
/// <param name="Status">open, acknowledged or closed.</param>
public sealed record IncidentStatusChange(string? Status);
