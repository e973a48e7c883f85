namespace Vigil.Analytics.Backtesting;

/// <summary>How many alerts a backtest scored.</summary>
/// <param name="Raw">The alerts as raised.</param>
/// <param name="Deduplicated">The alerts after deduplication (all metrics count these).</param>
/// <param name="TruePositive">The deduplicated alerts that matched at least one attack scenario.</param>
/// <param name="False">The deduplicated alerts that matched no attack scenario.</param>
public sealed record BacktestAlertCounts(int Raw, int Deduplicated, int TruePositive, int False);
