namespace Vigil.Analytics.Backtesting;

/// <summary>Converts severities to and from their lower-case names.</summary>
public static class BacktestSeverities
{
    /// <summary>All severities, lowest first.</summary>
    public static IReadOnlyList<BacktestSeverity> All { get; } =
        [BacktestSeverity.Informational, BacktestSeverity.Low, BacktestSeverity.Medium, BacktestSeverity.High, BacktestSeverity.Critical];

    /// <summary>Gets the lower-case name of a severity (<c>informational</c> ... <c>critical</c>).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name.</returns>
    public static string Name(BacktestSeverity severity) => severity switch
    {
        BacktestSeverity.Informational => "informational",
        BacktestSeverity.Low => "low",
        BacktestSeverity.Medium => "medium",
        BacktestSeverity.High => "high",
        BacktestSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity."),
    };

    /// <summary>Parses a severity name, ignoring case and surrounding white space.</summary>
    /// <param name="text">The name.</param>
    /// <param name="severity">The severity, when the name is known.</param>
    /// <returns>Whether the name is one of the five severities.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out BacktestSeverity severity)
    {
        var name = text.Trim();
        for (var candidate = BacktestSeverity.Informational; candidate <= BacktestSeverity.Critical; candidate++)
        {
            if (name.Equals(Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }
}
