namespace Vigil.Server.Endpoints;

/// <summary>Response actions and whether automation is paused.</summary>
/// <param name="Paused">Whether the kill switch is engaged.</param>
/// <param name="Actions">The actions.</param>
public sealed record ActionList(bool Paused, IReadOnlyList<ActionView> Actions);
