using System.Globalization;

namespace Vigil.Analytics.Backtesting;

/// <summary>Formats times the way backtest reports and errors write them: ISO-8601 in UTC.</summary>
public static class BacktestTime
{
    /// <summary>Formats a time as ISO-8601 UTC, <c>2026-10-21T10:02:00Z</c> (fractions of a second only when present).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
