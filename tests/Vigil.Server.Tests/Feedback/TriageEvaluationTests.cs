using Vigil.Server.Feedback;

namespace Vigil.Server.Tests.Feedback;

public sealed class TriageEvaluationTests
{
    [Fact]
    public void Evaluate_KnownScores_GivesAucWithTiesLogLossAndAccuracy()
    {
        var metrics = TriageEvaluation.Evaluate([(true, 0.9), (true, 0.4), (false, 0.4), (false, 0.1)]);
        // Pairs (positive, negative): 0.9>0.4, 0.9>0.1, 0.4=0.4 (half), 0.4>0.1: 3.5 of 4.
        metrics.Auc.ShouldBe(0.875, 1e-12);
        metrics.Accuracy.ShouldBe(0.75, 1e-12);
        metrics.LogLoss.ShouldBe(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.6) + Math.Log(0.9)) / 4, 1e-12);
        (metrics.Positives, metrics.Negatives).ShouldBe((2, 2));
    }

    [Fact]
    public void Beats_EqualScores_IsFalse_HigherAucOrNoCurrent_IsTrue()
    {
        var model = new TriageMetrics(0.8, 0.5, 0.7, 5, 5);
        TriageEvaluation.Beats(model, null).ShouldBeTrue();
        TriageEvaluation.Beats(model, model).ShouldBeFalse();
        TriageEvaluation.Beats(model with { Auc = 0.81 }, model).ShouldBeTrue();
        TriageEvaluation.Beats(model with { LogLoss = 0.4 }, model).ShouldBeTrue();
        TriageEvaluation.Beats(model with { Auc = 0.79, LogLoss = 0.1 }, model).ShouldBeFalse();
    }

    [Fact]
    public void VerdictIndex_Before_CountsEarlierVerdictsOfTheDetectorOnly()
    {
        var index = new TriageVerdictIndex(7, [("rule:a", 10, true), ("rule:a", 20, false), ("rule:a", 20, true), ("rule:a", 30, true), ("rule:b", 5, true)]);
        index.Before("rule:a", 10).ShouldBe((0, 0));
        index.Before("rule:a", 21).ShouldBe((3, 2));
        index.Before("rule:a", 31).ShouldBe((4, 3));
        index.Before("rule:c", 100).ShouldBe((0, 0));
        new TriageHistory(0, 0, 0, 0).FalsePositiveRate.ShouldBe(0.5);
    }
}
