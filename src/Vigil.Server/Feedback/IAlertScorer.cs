using Vigil.Server.Pipeline;

namespace Vigil.Server.Feedback;

/// <summary>Sets the confidence analysts see on a new alert: the active triage model's score, or the detector's own.</summary>
internal interface IAlertScorer
{
    /// <summary>Scores an alert.</summary>
    /// <param name="alert">The alert as raised.</param>
    /// <returns>The confidence in [0, 1], where it came from, and the triage model's score (null when no model is active).</returns>
    (double Confidence, string Source, double? TriageScore) Score(PipelineAlert alert);
}
