namespace Vigil.Analytics.Backtesting;

/// <summary>How the attack scenarios of one name (all its instances) were detected.</summary>
/// <param name="Name">The scenario name.</param>
/// <param name="Instances">The attack scenarios with this name.</param>
/// <param name="Detected">The instances detected.</param>
/// <param name="Alerts">The (deduplicated) alerts that matched at least one instance, each counted once.</param>
/// <param name="FalseAlertsSharingTechnique">The false alerts carrying a technique of any instance (by parent).</param>
/// <param name="MeanTimeToDetect">The mean time to detect of the detected instances, or null when none was.</param>
/// <param name="Metrics">Precision = alerts / (alerts + false alerts sharing a technique); recall = detected / instances; F1.</param>
public sealed record BacktestScenarioNameScore(
    string Name,
    int Instances,
    int Detected,
    int Alerts,
    int FalseAlertsSharingTechnique,
    TimeSpan? MeanTimeToDetect,
    BacktestMetrics Metrics);
