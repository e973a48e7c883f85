namespace Vigil.Analytics.Backtesting;

/// <summary>How one ATT&amp;CK technique (a parent technique: sub-techniques count as their parent) was detected.</summary>
/// <param name="Technique">The parent technique id, e.g. <c>T1110</c>.</param>
/// <param name="Labels">The ids the ground truth labels scenarios with under it, e.g. <c>T1110.003</c>, sorted.</param>
/// <param name="Scenarios">The attack scenarios labelled with it.</param>
/// <param name="Detected">Those detected.</param>
/// <param name="Alerts">The (deduplicated) alerts carrying it.</param>
/// <param name="MatchedAlerts">Those that matched a scenario labelled with it.</param>
/// <param name="Metrics">Precision = matched alerts / alerts (null when no alert carries it); recall = detected / scenarios; F1.</param>
public sealed record BacktestTechniqueScore(
    string Technique,
    IReadOnlyList<string> Labels,
    int Scenarios,
    int Detected,
    int Alerts,
    int MatchedAlerts,
    BacktestMetrics Metrics);
