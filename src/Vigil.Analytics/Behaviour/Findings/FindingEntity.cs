namespace Vigil.Analytics.Behaviour.Findings;

/// <summary>A user or host a finding is about: canonical (identity id or asset name, when resolved) and as logged.</summary>
/// <param name="Canonical">The identity id or asset name, or null when unresolved.</param>
/// <param name="AsLogged">The name as the event wrote it.</param>
/// <param name="Context">What the organisation context says of it (peer group, criticality...), as pairs.</param>
public sealed record FindingEntity(string? Canonical, string AsLogged, IReadOnlyList<KeyValuePair<string, string>> Context);
