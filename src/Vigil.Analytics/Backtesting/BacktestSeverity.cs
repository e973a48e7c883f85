namespace Vigil.Analytics.Backtesting;

/// <summary>The severity of an alert, lowest first (Sigma rule levels and model severities).</summary>
public enum BacktestSeverity
{
    /// <summary><c>informational</c>.</summary>
    Informational = 0,

    /// <summary><c>low</c>.</summary>
    Low = 1,

    /// <summary><c>medium</c>.</summary>
    Medium = 2,

    /// <summary><c>high</c>.</summary>
    High = 3,

    /// <summary><c>critical</c>.</summary>
    Critical = 4,
}
