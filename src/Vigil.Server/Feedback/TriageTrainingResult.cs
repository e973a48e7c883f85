namespace Vigil.Server.Feedback;

/// <summary>The outcome of a training run: the stored model, or why none could be trained.</summary>
/// <param name="Model">The model trained (promoted or not), or null.</param>
/// <param name="Refusal">Why no model was trained, or null.</param>
internal sealed record TriageTrainingResult(TriageModelView? Model, string? Refusal);
