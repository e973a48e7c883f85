using Spectre.Console;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Rules;

/// <summary>
/// Writes a <c>rules check</c> report as a table (one row per rule), then every error as a plain
/// <c>file:line:column: construct: message</c> line (easy to grep and to open in an editor), then the totals.
/// </summary>
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
                new Text(entry.StateName, StateStyle(entry)),
                new Text($"{entry.File}:{entry.Line}"),
                new Text(entry.Id ?? "-"),
                new Text(entry.Title ?? "-"),
                new Text(entry.Kind ?? "-"),
                new Text(Details(entry)));
        }

        console.Write(table);
        var errors = report.Entries.SelectMany(e => e.Errors).ToList();
        if (errors.Count > 0)
        {
            console.WriteLine("Errors:");
            foreach (var error in errors)
            {
                // Plain output, not a renderable: a long path must not be wrapped.
                console.Profile.Out.Writer.WriteLine("  error: " + Describe(error));
            }
        }

        var t = report.Totals;
        console.WriteLine(
            $"{t.Rules} rules in {t.Files} files: {t.Loaded} loaded, {t.Failed} failed, {t.UnknownLogsource} unknown logsource, "
            + $"{t.NotSelected} not selected, {t.Warnings} warnings.");
    }

    /// <summary>Formats a diagnostic as <c>file:line:column: construct: message</c>.</summary>
    /// <param name="d">The diagnostic.</param>
    /// <returns>The text.</returns>
    public static string Describe(RuleDiagnostic d)
        => string.IsNullOrEmpty(d.Construct) ? $"{d.File}:{d.Line}:{d.Column}: {d.Message}" : d.ToString();

    private static Style StateStyle(RuleCheckEntry entry)
        => entry.State == RuleCheckState.Failed ? new Style(Color.Red)
        : entry.State != RuleCheckState.Loaded || entry.Warnings.Count > 0 ? new Style(Color.Yellow)
        : new Style(Color.Green);

    private static string Details(RuleCheckEntry entry)
    {
        var lines = new List<string>(entry.Errors.Count + entry.Warnings.Count);
        lines.AddRange(entry.Errors.Select(d => "error: " + Short(d)));
        lines.AddRange(entry.Warnings.Select(d => "warning: " + Short(d)));
        return string.Join('\n', lines);
    }

    private static string Short(RuleDiagnostic d)
    {
        var at = d.Line > 0 ? $"line {d.Line}: " : string.Empty;
        return string.IsNullOrEmpty(d.Construct) ? at + d.Message : $"{at}{d.Construct}: {d.Message}";
    }
}
