using Vigil.Server.Pipeline;

namespace Vigil.Server.Feedback;

/// <summary>An alert as the triage model sees it: what it is, what came before it, and (for training) its label.</summary>
/// <param name="AlertId">The alert id (also what the held-out split hashes).</param>
/// <param name="Detector">The detector.</param>
/// <param name="SeverityRank">0 (informational) to 4 (critical).</param>
/// <param name="Time">The alert time.</param>
/// <param name="Entities">The entities with their context.</param>
/// <param name="History">The history before the alert's time.</param>
/// <param name="Label">True for a true positive, false for a benign or false positive, null when unlabelled.</param>
internal sealed record TriageExample(
    string AlertId, string Detector, int SeverityRank, DateTimeOffset Time, IReadOnlyList<AlertEntity> Entities, TriageHistory History, bool? Label);
