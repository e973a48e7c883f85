namespace Vigil.Server.Feedback;

/// <summary>What a suppression would have done to the stored history, computed when it was proposed.</summary>
/// <param name="AlertsRemoved">The stored alerts it matches (they would have been stored as suppressed).</param>
/// <param name="FirstAlertIds">The first few of them, oldest first.</param>
/// <param name="TruePositivesLost">Matched alerts whose latest verdict is true positive: real threats it would have hidden.</param>
/// <param name="TruePositiveIds">Those alerts.</param>
/// <param name="BenignPositives">Matched alerts judged benign positive.</param>
/// <param name="FalsePositives">Matched alerts judged false positive (the evidence for it).</param>
/// <param name="Unjudged">Matched alerts without a verdict (or undetermined).</param>
/// <param name="ComputedAt">When the preview was computed.</param>
public sealed record SuppressionPreview(
    int AlertsRemoved, IReadOnlyList<string> FirstAlertIds, int TruePositivesLost, IReadOnlyList<string> TruePositiveIds, int BenignPositives,
    int FalsePositives, int Unjudged, DateTimeOffset ComputedAt);
