namespace Vigil.Server.Feedback;

/// <summary>How well a triage model ranked and predicted the held-out verdicts.</summary>
/// <param name="Auc">The area under the ROC curve (the promotion score): 0.5 is chance, 1 is perfect ranking.</param>
/// <param name="LogLoss">The mean log-loss of the probabilities (lower is better).</param>
/// <param name="Accuracy">The share predicted right at probability 0.5.</param>
/// <param name="Positives">Held-out true positives.</param>
/// <param name="Negatives">Held-out benign and false positives.</param>
public sealed record TriageMetrics(double Auc, double LogLoss, double Accuracy, int Positives, int Negatives);
