namespace Vigil.Server.Feedback;

/// <summary>Scores predicted probabilities against held-out labels.</summary>
internal static class TriageEvaluation
{
    private const double Epsilon = 1e-15;

    /// <summary>Computes AUC (ties share their average rank), log-loss and accuracy.</summary>
    /// <param name="scored">Each held-out label with the predicted probability of a true positive.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The labels are not of both classes.</exception>
    public static TriageMetrics Evaluate(IReadOnlyList<(bool Label, double Probability)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var positives = scored.Count(s => s.Label);
        var negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("AUC needs labels of both classes", nameof(scored));
        }

        var ordered = scored.OrderBy(s => s.Probability).ToList();
        double positiveRanks = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Probability.Equals(ordered[i].Probability))
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (ordered[k].Label)
                {
                    positiveRanks += rank;
                }
            }

            i = j + 1;
        }

        var auc = (positiveRanks - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
        var logLoss = scored.Average(s => -Math.Log(Math.Clamp(s.Label ? s.Probability : 1 - s.Probability, Epsilon, 1)));
        var accuracy = scored.Count(s => s.Label == s.Probability >= 0.5) / (double)scored.Count;
        return new TriageMetrics(auc, logLoss, accuracy, positives, negatives);
    }

    /// <summary>Whether a candidate beats the active model: a higher AUC, or an equal AUC and a clearly lower log-loss.</summary>
    /// <param name="candidate">The candidate's metrics.</param>
    /// <param name="current">The active model's metrics on the same held-out verdicts, or null when there is none.</param>
    /// <returns>True when the candidate should be promoted.</returns>
    public static bool Beats(TriageMetrics candidate, TriageMetrics? current)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (current is null)
        {
            return true;
        }

        if (candidate.Auc > current.Auc + TriageConstants.AucTolerance)
        {
            return true;
        }

        return Math.Abs(candidate.Auc - current.Auc) <= TriageConstants.AucTolerance && candidate.LogLoss < current.LogLoss - TriageConstants.LogLossMargin;
    }
}
