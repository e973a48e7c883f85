namespace Vigil.Analytics.Behaviour.Findings;

/// <summary>An event behind a finding: where it is and when it happened.</summary>
/// <param name="Source">The file (or stream) it came from.</param>
/// <param name="Location">The line or record in that file.</param>
/// <param name="Time">The event time.</param>
public sealed record FindingEvidence(string Source, long Location, DateTimeOffset Time);
