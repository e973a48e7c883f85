namespace Vigil.Server.Feedback;

/// <summary>A trained triage model: every one is kept, promoted or not, with its score and the score of the model it was compared with.</summary>
/// <param name="Version">The model version (the confidence source of alerts it scores is <c>triage-model v&lt;Version&gt;</c>).</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="TrainedBy">Who asked (an API key, or <c>schedule</c>).</param>
/// <param name="Examples">The labelled verdicts it was trained on.</param>
/// <param name="Holdout">The held-out verdicts it was scored on.</param>
/// <param name="Score">Its AUC on the held-out verdicts.</param>
/// <param name="CurrentScore">The AUC of the model active at the time, on the same held-out verdicts; null when there was none.</param>
/// <param name="CurrentVersion">That model's version, or null.</param>
/// <param name="Promoted">Whether it became the active model.</param>
/// <param name="Active">Whether it is the active model now.</param>
/// <param name="Candidate">Its full held-out metrics.</param>
/// <param name="Current">The full held-out metrics of the model active at the time, or null.</param>
public sealed record TriageModelView(
    int Version, DateTimeOffset TrainedAt, string TrainedBy, int Examples, int Holdout, double Score, double? CurrentScore, int? CurrentVersion,
    bool Promoted, bool Active, TriageMetrics Candidate, TriageMetrics? Current);
