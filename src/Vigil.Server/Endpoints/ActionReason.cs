namespace Vigil.Server.Endpoints;

/// <summary>A reason given with a denial or a pause.</summary>
/// <param name="Reason">Why.</param>
public sealed record ActionReason(string? Reason);
