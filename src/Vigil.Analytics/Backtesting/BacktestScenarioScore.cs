namespace Vigil.Analytics.Backtesting;

/// <summary>How one attack scenario was detected.</summary>
/// <param name="Id">The scenario id.</param>
/// <param name="Name">The scenario name.</param>
/// <param name="Title">The scenario title.</param>
/// <param name="Techniques">The techniques it is labelled with.</param>
/// <param name="Start">When it started.</param>
/// <param name="End">When it ended.</param>
/// <param name="Detected">Whether at least one alert matched it.</param>
/// <param name="Alerts">The (deduplicated) alerts that matched it.</param>
/// <param name="FalseAlertsSharingTechnique">The false alerts carrying one of its techniques (compared by parent).</param>
/// <param name="Detectors">The detectors of the matching alerts, sorted.</param>
/// <param name="FirstAlert">The time of the first matching alert, or null.</param>
/// <param name="TimeToDetect">First matching alert − start, clamped to 0 when the alert came first; null when missed.</param>
/// <param name="Metrics">Precision = alerts / (alerts + false alerts sharing a technique); recall = 1 or 0; F1.</param>
public sealed record BacktestScenarioScore(
    string Id,
    string Name,
    string Title,
    IReadOnlyList<string> Techniques,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Detected,
    int Alerts,
    int FalseAlertsSharingTechnique,
    IReadOnlyList<string> Detectors,
    DateTimeOffset? FirstAlert,
    TimeSpan? TimeToDetect,
    BacktestMetrics Metrics);
