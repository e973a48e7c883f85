using Vigil.Server.Pipeline;

namespace Vigil.Server.Feedback;

/// <summary>The scorer used while no triage model is active: the detector's own confidence.</summary>
internal sealed class DetectorScorer : IAlertScorer
{
    /// <inheritdoc />
    public (double Confidence, string Source, double? TriageScore) Score(PipelineAlert alert) => (alert.Confidence, alert.ConfidenceSource, null);
}
