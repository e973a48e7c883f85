namespace Vigil.Analytics.Backtesting;

/// <summary>The result of scoring alerts against a ground truth. See docs/backtest.md for the definitions.</summary>
/// <param name="Truth">The ground truth scored against.</param>
/// <param name="Options">The options used.</param>
/// <param name="Alerts">The alert counts, raw and deduplicated.</param>
/// <param name="Overall">Overall precision, recall and F1.</param>
/// <param name="FalseAlerts">The false alerts, normalised and broken down.</param>
/// <param name="Scenarios">One score per attack scenario, in ground-truth order.</param>
/// <param name="ScenarioNames">One score per attack scenario name, in order of first appearance.</param>
/// <param name="Techniques">One score per parent technique labelled in the ground truth, sorted by id.</param>
/// <param name="BenignTraps">One score per benign trap, in ground-truth order.</param>
/// <param name="Targets">The targets, each passed or failed.</param>
public sealed record BacktestReport(
    GroundTruth Truth,
    BacktestOptions Options,
    BacktestAlertCounts Alerts,
    BacktestOverall Overall,
    BacktestFalseAlerts FalseAlerts,
    IReadOnlyList<BacktestScenarioScore> Scenarios,
    IReadOnlyList<BacktestScenarioNameScore> ScenarioNames,
    IReadOnlyList<BacktestTechniqueScore> Techniques,
    IReadOnlyList<BacktestTrapScore> BenignTraps,
    IReadOnlyList<BacktestTarget> Targets)
{
    /// <summary>Gets whether every target was met.</summary>
    public bool Passed => Targets.All(t => t.Passed);
}
