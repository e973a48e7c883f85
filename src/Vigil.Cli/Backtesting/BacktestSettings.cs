using Vigil.Analytics.Backtesting;
using Vigil.Cli.Hunting;

namespace Vigil.Cli.Backtesting;

/// <summary>What <c>vigil backtest</c> was asked to do.</summary>
internal sealed class BacktestSettings
{
    /// <summary>Gets the hunt that produces the alerts (rules, models, context, inputs).</summary>
    public required HuntSettings Hunt { get; init; }

    /// <summary>Gets the ground-truth file.</summary>
    public required string TruthPath { get; init; }

    /// <summary>Gets the lowest severity counted as an alert. <value>Default: medium.</value></summary>
    public BacktestSeverity MinSeverity { get; init; } = BacktestSeverity.Medium;

    /// <summary>Gets the scoring options.</summary>
    public BacktestOptions Options { get; init; } = new();

    /// <summary>Gets whether the report is JSON (else a table).</summary>
    public bool Json { get; init; }

    /// <summary>Gets whether notes are left out.</summary>
    public bool Quiet { get; init; }

    /// <summary>Gets the report file, or null for the standard output.</summary>
    public string? OutputPath { get; init; }
}
