namespace Vigil.Analytics.Backtesting;

/// <summary>How one benign trap fared: which false alerts it drew.</summary>
/// <param name="Id">The trap id.</param>
/// <param name="Name">The trap name.</param>
/// <param name="Title">The trap title.</param>
/// <param name="Start">When it started.</param>
/// <param name="End">When it ended.</param>
/// <param name="Alerts">The (deduplicated) alerts that matched it and no attack scenario.</param>
/// <param name="HighestSeverity">The highest severity among them, or null when there were none.</param>
/// <param name="Detectors">The detectors of those alerts, sorted.</param>
public sealed record BacktestTrapScore(
    string Id,
    string Name,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Alerts,
    BacktestSeverity? HighestSeverity,
    IReadOnlyList<string> Detectors)
{
    /// <summary>Gets whether any alert matched the trap.</summary>
    public bool Flagged => Alerts > 0;

    /// <summary>Gets whether an alert of severity high or critical matched the trap.</summary>
    public bool AboveMedium => HighestSeverity > BacktestSeverity.Medium;
}
