namespace Vigil.Cli.Rules;

/// <summary>The totals of a <c>rules check</c> report.</summary>
/// <param name="Files">Rule files read.</param>
/// <param name="Rules">Rule documents found (loaded or not).</param>
/// <param name="Loaded">Rules that loaded and run.</param>
/// <param name="Failed">Rule documents that did not load or compile.</param>
/// <param name="UnknownLogsource">Loaded rules whose logsource the mapping does not know.</param>
/// <param name="NotSelected">Rules the selection leaves out.</param>
/// <param name="Warnings">Warnings over all rules.</param>
internal sealed record RuleCheckTotals(int Files, int Rules, int Loaded, int Failed, int UnknownLogsource, int NotSelected, int Warnings);
