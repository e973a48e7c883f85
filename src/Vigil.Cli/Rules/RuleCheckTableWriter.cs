using Spectre.Console;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Rules;

/// <summary>Writes a <c>rules check</c> report as a table (one row per rule) followed by the totals.</summary>
internal static class RuleCheckTableWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="console">Where to write.</param>
    public static void Write(RuleCheckReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("State");
        table.AddColumn("File:Line");
        table.AddColumn("Id");
        table.AddColumn("Title");
        table.AddColumn("Kind");
        table.AddColumn("Details");
        foreach (var entry in report.Entries)
        {
            table.AddRow(
                new Text(entry.State, StateStyle(entry)),
                new Text($"{entry.File}:{entry.Line}"),
                new Text(entry.Id ?? "-"),
                new Text(entry.Title ?? "-"),
                new Text(entry.Kind ?? "-"),
                new Text(Details(entry)));
        }

        console.Write(table);
        var t = report.Totals;
        console.WriteLine(
            $"{t.Rules} rules in {t.Files} files: {t.Loaded} loaded, {t.Failed} failed, {t.UnknownLogsource} unknown logsource, "
            + $"{t.NotSelected} not selected, {t.Warnings} warnings.");
    }

    private static Style StateStyle(RuleCheckEntry entry)
        => entry.State == RuleCheckStates.Failed ? new Style(Color.Red)
        : entry.State != RuleCheckStates.Loaded || entry.Warnings.Count > 0 ? new Style(Color.Yellow)
        : new Style(Color.Green);

    private static string Details(RuleCheckEntry entry)
    {
        var lines = new List<string>(entry.Errors.Count + entry.Warnings.Count);
        lines.AddRange(entry.Errors.Select(d => "error: " + Describe(d)));
        lines.AddRange(entry.Warnings.Select(d => "warning: " + Describe(d)));
        return lines.Count == 0 ? string.Empty : string.Join('\n', lines);
    }

    /// <summary>Formats a diagnostic as <c>file:line:column: construct: message</c>.</summary>
    /// <param name="d">The diagnostic.</param>
    /// <returns>The text.</returns>
    public static string Describe(RuleDiagnostic d)
        => string.IsNullOrEmpty(d.Construct) ? $"{d.File}:{d.Line}:{d.Column}: {d.Message}" : d.ToString();
}
