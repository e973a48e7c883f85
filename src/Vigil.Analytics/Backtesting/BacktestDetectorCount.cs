namespace Vigil.Analytics.Backtesting;

/// <summary>How many (deduplicated) alerts one detector raised.</summary>
/// <param name="Detector">The detector (<c>rule:&lt;id&gt;</c> or <c>model:&lt;name&gt;</c>).</param>
/// <param name="Count">The alerts.</param>
public sealed record BacktestDetectorCount(string Detector, int Count);
