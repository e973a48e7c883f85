namespace Vigil.Analytics.Backtesting;

/// <summary>The overall result: recall over attack scenarios, precision over all (deduplicated) alerts.</summary>
/// <param name="AttackScenarios">The attack scenarios in the ground truth.</param>
/// <param name="Detected">The attack scenarios with at least one matching alert.</param>
/// <param name="Metrics">Precision = true-positive alerts / alerts; recall = detected / attack scenarios; F1.</param>
public sealed record BacktestOverall(int AttackScenarios, int Detected, BacktestMetrics Metrics);
