namespace Vigil.Analytics.Backtesting;

/// <summary>The false alerts (deduplicated alerts that matched no attack scenario), normalised and broken down.</summary>
/// <param name="Total">The false alerts.</param>
/// <param name="PerDay">Total / the days of the ground truth.</param>
/// <param name="Per1000UsersPerDay">Total / days / users × 1,000.</param>
/// <param name="BySeverity">The false alerts of each severity (every severity present, 0 included).</param>
/// <param name="TopDetectors">The detectors with the most false alerts, most first (ties by name), at most 20.</param>
/// <param name="Detectors">How many detectors raised at least one false alert.</param>
public sealed record BacktestFalseAlerts(
    int Total,
    double PerDay,
    double Per1000UsersPerDay,
    IReadOnlyDictionary<BacktestSeverity, int> BySeverity,
    IReadOnlyList<BacktestDetectorCount> TopDetectors,
    int Detectors);
