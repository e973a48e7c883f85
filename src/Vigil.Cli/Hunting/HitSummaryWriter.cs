using System.Globalization;
using Spectre.Console;
using Vigil.Detection.Hunting;

namespace Vigil.Cli.Hunting;

/// <summary>Writes the end-of-hunt summary: hits by rule, tactic and technique, then the reading statistics.</summary>
internal static class HitSummaryWriter
{
    /// <summary>Writes the summary.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="summary">The hit counts.</param>
    /// <param name="statistics">What the hunt read.</param>
    /// <param name="readErrors">The number of read errors.</param>
    public static void Write(IAnsiConsole console, HitSummary summary, HuntStatistics statistics, long readErrors)
    {
        if (summary.Hits > 0)
        {
            var rules = NewTable("Hits by rule", "Rule", "Id", "Level", "Hits");
            foreach (var c in summary.ByRule)
            {
                rules.AddRow(new Text(c.Name), new Text(c.Id), new Text(c.Level ?? "-"), new Text(Number(c.Count)));
            }

            console.Write(rules);
            WriteAttack(console, "Hits by ATT&CK tactic", "Tactic", summary.ByTactic);
            WriteAttack(console, "Hits by ATT&CK technique", "Technique", summary.ByTechnique);
        }

        if (summary.Findings > 0)
        {
            var models = NewTable("Behavioural findings by model", "Model", "Kind", "Severity", "Findings");
            foreach (var c in summary.ByModel)
            {
                models.AddRow(new Text(c.Id), new Text(c.Name), new Text(c.Level ?? "-"), new Text(Number(c.Count)));
            }

            console.Write(models);
            console.WriteLine($"{Number(summary.Findings)} behavioural findings.");
        }

        var seconds = statistics.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? statistics.Events / seconds : 0;
        console.WriteLine(
            $"{Number(summary.Hits)} hits; {Number(statistics.Events)} events read ({Bytes(statistics.Bytes)}) in "
            + $"{seconds.ToString("0.00", CultureInfo.InvariantCulture)} s, {Number((long)rate)} events/s; {Number(readErrors)} read errors.");
        if (statistics.RegexTimeouts > 0 || statistics.RegexFallbacks > 0)
        {
            console.WriteLine(
                $"warning: {Number(statistics.RegexTimeouts)} regex matches timed out and counted as no match; "
                + $"{Number(statistics.RegexFallbacks)} regexes ran on the backtracking engine with a timeout.");
        }

        if (statistics.CorrelationSkipped > 0)
        {
            console.WriteLine(
                $"warning: {Number(statistics.CorrelationSkipped)} rule hits were left out of correlations "
                + "(no event time, later than the allowed lateness, or a missing group-by or value field).");
        }
    }

    private static void WriteAttack(IAnsiConsole console, string title, string what, IReadOnlyList<HitCount> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var table = NewTable(title, what, "Id", "Hits");
        foreach (var c in counts)
        {
            table.AddRow(new Text(c.Name), new Text(c.Id), new Text(Number(c.Count)));
        }

        console.Write(table);
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title) }.Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0 GiB", CultureInfo.InvariantCulture),
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0 MiB", CultureInfo.InvariantCulture),
        >= 1L << 10 => (bytes / 1024.0).ToString("0.0 KiB", CultureInfo.InvariantCulture),
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
