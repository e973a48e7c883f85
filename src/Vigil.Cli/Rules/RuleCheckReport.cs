namespace Vigil.Cli.Rules;

/// <summary>The outcome of <c>vigil rules check</c>: one entry per rule, in file order, and totals.</summary>
/// <param name="Entries">The rules.</param>
/// <param name="Totals">The totals.</param>
/// <param name="StrictLogsource">Whether unknown logsources count as errors.</param>
internal sealed record RuleCheckReport(IReadOnlyList<RuleCheckEntry> Entries, RuleCheckTotals Totals, bool StrictLogsource)
{
    /// <summary>Gets the exit code: <see cref="ExitCodes.Ok"/> when every rule loaded and runs.</summary>
    public int ExitCode
        => Entries.Count == 0 ? ExitCodes.Fatal
        : Totals.Failed > 0 || (StrictLogsource && Entries.Any(e => e.State == RuleCheckState.UnknownLogsource)) ? ExitCodes.RuleErrors
        : ExitCodes.Ok;
}
