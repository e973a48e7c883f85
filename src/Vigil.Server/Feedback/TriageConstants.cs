namespace Vigil.Server.Feedback;

/// <summary>The fixed settings of triage training.</summary>
internal static class TriageConstants
{
    /// <summary>The fewest labelled verdicts (not undetermined) a model is trained on: 20.</summary>
    public const int MinimumVerdicts = 20;

    /// <summary>The share of labelled alerts held out to score models, in percent, chosen by a hash of the alert id: 20.</summary>
    public const int HoldoutPercent = 20;

    /// <summary>The most labelled verdicts read for one training run (the most recent alerts): 50,000.</summary>
    public const int MaximumExamples = 50_000;

    /// <summary>The least AUC gain that counts as beating the active model: 0.000001 (else equal, and log-loss decides).</summary>
    public const double AucTolerance = 1e-6;

    /// <summary>The least log-loss gain that counts as beating an active model with an equal AUC: 0.001.</summary>
    public const double LogLossMargin = 1e-3;

    /// <summary>The actor recorded for scheduled retraining.</summary>
    public const string ScheduleActor = "schedule";
}
