namespace Vigil.Analytics.Backtesting;

/// <summary>One target a backtest is judged by, and whether it was met.</summary>
/// <param name="Name">A stable name: <c>attack_recall</c>, <c>false_alerts_per_1000_users_per_day</c>, <c>benign_traps_above_severity</c>.</param>
/// <param name="Description">What the target says, e.g. "every attack scenario detected".</param>
/// <param name="Comparison">How the actual value must compare with the threshold: <c>&gt;=</c> or <c>&lt;=</c>.</param>
/// <param name="Threshold">The threshold (from <see cref="BacktestOptions"/>).</param>
/// <param name="Actual">The measured value, or null when it is undefined (no attack scenario: the target passes).</param>
/// <param name="Passed">Whether the target was met.</param>
public sealed record BacktestTarget(string Name, string Description, string Comparison, double Threshold, double? Actual, bool Passed);
