namespace Vigil.Analytics.Backtesting;

/// <summary>How alerts are deduplicated and matched to scenarios, and the targets a backtest is judged by.</summary>
public sealed class BacktestOptions
{
    /// <summary>
    /// Gets how long after the first alert of a group (same detector, same entities) later alerts collapse into it.
    /// </summary>
    /// <value>The default is 1 hour. Must not be negative (zero collapses only alerts at the same instant).</value>
    public TimeSpan DedupWindow { get; init; } = BacktestConstants.DefaultDedupWindow;

    /// <summary>Gets how long before a scenario's start an alert may still match it.</summary>
    /// <value>The default is 5 minutes. Must not be negative.</value>
    public TimeSpan MatchLead { get; init; } = BacktestConstants.DefaultMatchLead;

    /// <summary>Gets how long after a scenario's end an alert may still match it.</summary>
    /// <value>The default is 1 hour. Must not be negative.</value>
    public TimeSpan MatchSlack { get; init; } = BacktestConstants.DefaultMatchSlack;

    /// <summary>Gets the least overall recall (detected attack scenarios / attack scenarios) that passes.</summary>
    /// <value>The default is 1: every attack scenario detected. Between 0 and 1.</value>
    public double TargetRecall { get; init; } = BacktestConstants.DefaultTargetRecall;

    /// <summary>Gets the most false alerts per 1,000 users per day that passes.</summary>
    /// <value>The default is 5. Must not be negative.</value>
    public double TargetFalseAlertsPer1000UsersPerDay { get; init; } = BacktestConstants.DefaultTargetFalseAlertsPer1000UsersPerDay;

    /// <summary>Gets the highest severity a benign trap may be flagged with and still pass.</summary>
    /// <value>The default is <see cref="BacktestSeverity.Medium"/>: no trap flagged high or critical.</value>
    public BacktestSeverity TargetMaxTrapSeverity { get; init; } = BacktestConstants.DefaultTargetMaxTrapSeverity;

    /// <summary>Finds the first value out of range.</summary>
    /// <returns>What is wrong, naming the option, or null when every value is valid.</returns>
    internal string? FindProblem()
    {
        if (DedupWindow < TimeSpan.Zero || MatchLead < TimeSpan.Zero || MatchSlack < TimeSpan.Zero)
        {
            var name = DedupWindow < TimeSpan.Zero ? nameof(DedupWindow) : MatchLead < TimeSpan.Zero ? nameof(MatchLead) : nameof(MatchSlack);
            return $"{name} must not be negative.";
        }

        if (double.IsNaN(TargetRecall) || TargetRecall is < 0 or > 1)
        {
            return $"{nameof(TargetRecall)} must be between 0 and 1, found {TargetRecall}.";
        }

        if (double.IsNaN(TargetFalseAlertsPer1000UsersPerDay) || TargetFalseAlertsPer1000UsersPerDay < 0)
        {
            return $"{nameof(TargetFalseAlertsPer1000UsersPerDay)} must not be negative, found {TargetFalseAlertsPer1000UsersPerDay}.";
        }

        return Enum.IsDefined(TargetMaxTrapSeverity) ? null : $"{nameof(TargetMaxTrapSeverity)} is not a severity.";
    }
}
