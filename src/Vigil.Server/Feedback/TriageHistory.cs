namespace Vigil.Server.Feedback;

/// <summary>What the store knew before an alert's time: the history features of the triage model.</summary>
/// <param name="PriorDetectorAlerts">Earlier alerts of the same detector.</param>
/// <param name="PriorVerdicts">Earlier alerts of the same detector with a verdict other than undetermined.</param>
/// <param name="PriorFalsePositives">Of those, the ones judged false positive.</param>
/// <param name="PriorEntityAlerts">Earlier alerts (any detector) on any of the alert's entities.</param>
internal readonly record struct TriageHistory(int PriorDetectorAlerts, int PriorVerdicts, int PriorFalsePositives, int PriorEntityAlerts)
{
    /// <summary>Gets the false-positive rate among earlier verdicts, smoothed towards one half: (FP + 1) / (verdicts + 2).</summary>
    public double FalsePositiveRate => (PriorFalsePositives + 1.0) / (PriorVerdicts + 2.0);
}
