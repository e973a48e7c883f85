namespace Vigil.Analytics.Backtesting;

/// <summary>Precision, recall and F1; each null when undefined (nothing to divide by).</summary>
/// <param name="Precision">The share of the alerts counted that were right, or null when no alert was counted.</param>
/// <param name="Recall">The share of the scenarios that were detected, or null when there were none.</param>
/// <param name="F1">The harmonic mean of precision and recall (0 when both are 0), or null when either is null.</param>
public readonly record struct BacktestMetrics(double? Precision, double? Recall, double? F1)
{
    /// <summary>Computes the metrics from counts.</summary>
    /// <param name="rightAlerts">The alerts that were right (the precision numerator).</param>
    /// <param name="countedAlerts">The alerts counted (the precision denominator).</param>
    /// <param name="detected">The scenarios detected (the recall numerator).</param>
    /// <param name="scenarios">The scenarios (the recall denominator).</param>
    /// <returns>The metrics.</returns>
    public static BacktestMetrics From(long rightAlerts, long countedAlerts, long detected, long scenarios)
    {
        var precision = Ratio(rightAlerts, countedAlerts);
        var recall = Ratio(detected, scenarios);
        double? f1 = precision is { } p && recall is { } r ? (p + r > 0 ? 2 * p * r / (p + r) : 0) : null;
        return new BacktestMetrics(precision, recall, f1);
    }

    /// <summary>Divides, or returns null when <paramref name="denominator"/> is 0.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The ratio, or null.</returns>
    public static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
