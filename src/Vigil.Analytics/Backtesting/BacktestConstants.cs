namespace Vigil.Analytics.Backtesting;

/// <summary>Names and defaults of the backtest scorer.</summary>
internal static class BacktestConstants
{
    /// <summary>The format tag of a ground-truth file.</summary>
    public const string TruthFormat = "vigil-truth/1";

    /// <summary>The largest ground-truth file read (64 MiB).</summary>
    public const long MaxTruthBytes = 64L * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted in a ground-truth file (the schema itself needs 4).</summary>
    public const int MaxTruthDepth = 16;

    /// <summary>How many detectors the false-alert breakdown lists.</summary>
    public const int TopDetectors = 20;

    /// <summary>The default <see cref="BacktestOptions.DedupWindow"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultDedupWindow = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="BacktestOptions.MatchLead"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultMatchLead = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="BacktestOptions.MatchSlack"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultMatchSlack = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="BacktestOptions.TargetRecall"/>: every attack scenario detected.</summary>
    public const double DefaultTargetRecall = 1.0;

    /// <summary>The default <see cref="BacktestOptions.TargetFalseAlertsPer1000UsersPerDay"/>.</summary>
    public const double DefaultTargetFalseAlertsPer1000UsersPerDay = 5.0;

    /// <summary>The default <see cref="BacktestOptions.TargetMaxTrapSeverity"/>.</summary>
    public const BacktestSeverity DefaultTargetMaxTrapSeverity = BacktestSeverity.Medium;
}
