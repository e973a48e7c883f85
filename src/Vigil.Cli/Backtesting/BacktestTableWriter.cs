using System.Globalization;
using Spectre.Console;
using Vigil.Analytics.Backtesting;

namespace Vigil.Cli.Backtesting;

/// <summary>
/// Writes a backtest report for people: the overall line, then tables of attack scenarios, scenario names, techniques,
/// benign traps and the detectors with the most false alerts, the false-alert rates, and one PASS/FAIL line per target.
/// Undefined metrics (nothing to divide by) show as "–".
/// </summary>
internal static class BacktestTableWriter
{
    private const string Undefined = "–";
    private const int DetectorsShown = 4;

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="console">Where to write.</param>
    public static void Write(BacktestReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var truth = report.Truth;
        var alerts = report.Alerts;
        var overall = report.Overall;
        console.WriteLine(
            $"Ground truth: seed {truth.Seed}, {Day(truth.Start)} to {Day(truth.End)} ({Number(truth.Days)} days, "
            + $"{Number(truth.Users)} users), {Count(report.Scenarios.Count, "attack scenario")}, {Count(report.BenignTraps.Count, "benign trap")}.");
        console.WriteLine(
            $"Alerts: {Number(alerts.Raw)} raw, {Number(alerts.Deduplicated)} after deduplication (same detector and entities "
            + $"within {Duration(report.Options.DedupWindow)}); {Number(alerts.TruePositive)} true, {Number(alerts.False)} false.");
        console.WriteLine(
            $"Overall: {Number(overall.Detected)}/{Number(overall.AttackScenarios)} attack scenarios detected; "
            + $"precision {Metric(overall.Metrics.Precision)}, recall {Metric(overall.Metrics.Recall)}, F1 {Metric(overall.Metrics.F1)}.");
        WriteScenarios(console, report.Scenarios);
        WriteNames(console, report.ScenarioNames);
        WriteTechniques(console, report.Techniques);
        WriteTraps(console, report.BenignTraps);
        WriteFalseAlerts(console, report.FalseAlerts);
        WriteTargets(console, report.Targets);
    }

    /// <summary>Formats a duration briefly: <c>45s</c>, <c>17m 00s</c>, <c>2h 05m</c>, <c>3d 04h</c>.</summary>
    /// <param name="duration">The duration (not negative).</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => Invariant($"{(int)duration.TotalSeconds}s"),
        { TotalHours: < 1 } => Invariant($"{duration.Minutes}m {duration.Seconds:00}s"),
        { TotalDays: < 1 } => Invariant($"{duration.Hours}h {duration.Minutes:00}m"),
        _ => Invariant($"{(int)duration.TotalDays}d {duration.Hours:00}h"),
    };

    private static void WriteScenarios(IAnsiConsole console, IReadOnlyList<BacktestScenarioScore> scenarios)
    {
        if (scenarios.Count == 0)
        {
            console.WriteLine("No attack scenarios.");
            return;
        }

        var table = NewTable("Attack scenarios", "Id", "Name", "Detected", "Alerts", "TTD", "Precision", "Recall", "F1", "Detectors");
        foreach (var s in scenarios)
        {
            table.AddRow(
                new Text(s.Id),
                new Text(s.Name),
                YesNo(s.Detected, good: true),
                new Text(Number(s.Alerts)),
                new Text(s.TimeToDetect is { } ttd ? Duration(ttd) : Undefined),
                new Text(Metric(s.Metrics.Precision)),
                new Text(Metric(s.Metrics.Recall)),
                new Text(Metric(s.Metrics.F1)),
                new Text(Detectors(s.Detectors)));
        }

        console.Write(table);
    }

    private static void WriteNames(IAnsiConsole console, IReadOnlyList<BacktestScenarioNameScore> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var table = NewTable("Attack scenarios by name", "Name", "Instances", "Detected", "Alerts", "Mean TTD", "Precision", "Recall", "F1");
        foreach (var n in names)
        {
            AddRow(
                table,
                n.Name,
                Number(n.Instances),
                Number(n.Detected),
                Number(n.Alerts),
                n.MeanTimeToDetect is { } ttd ? Duration(ttd) : Undefined,
                Metric(n.Metrics.Precision),
                Metric(n.Metrics.Recall),
                Metric(n.Metrics.F1));
        }

        console.Write(table);
    }

    private static void WriteTechniques(IAnsiConsole console, IReadOnlyList<BacktestTechniqueScore> techniques)
    {
        if (techniques.Count == 0)
        {
            return;
        }

        var table = NewTable(
            "ATT&CK techniques (sub-techniques count as their parent)",
            "Technique", "Labels", "Scenarios", "Detected", "Alerts", "Matched", "Precision", "Recall", "F1");
        foreach (var t in techniques)
        {
            AddRow(
                table,
                t.Technique,
                string.Join(", ", t.Labels),
                Number(t.Scenarios),
                Number(t.Detected),
                Number(t.Alerts),
                Number(t.MatchedAlerts),
                Metric(t.Metrics.Precision),
                Metric(t.Metrics.Recall),
                Metric(t.Metrics.F1));
        }

        console.Write(table);
    }

    private static void WriteTraps(IAnsiConsole console, IReadOnlyList<BacktestTrapScore> traps)
    {
        if (traps.Count == 0)
        {
            console.WriteLine("No benign traps.");
            return;
        }

        var table = NewTable("Benign traps", "Id", "Name", "Flagged", "Alerts", "Highest severity", "Above medium", "Detectors");
        foreach (var t in traps)
        {
            table.AddRow(
                new Text(t.Id),
                new Text(t.Name),
                YesNo(t.Flagged, good: false),
                new Text(Number(t.Alerts)),
                new Text(t.HighestSeverity is { } s ? BacktestSeverities.Name(s) : Undefined),
                YesNo(t.AboveMedium, good: false),
                new Text(Detectors(t.Detectors)));
        }

        console.Write(table);
    }

    private static void WriteFalseAlerts(IAnsiConsole console, BacktestFalseAlerts falseAlerts)
    {
        var bySeverity = string.Join(", ", BacktestSeverities.All.Select(s => $"{BacktestSeverities.Name(s)} {Number(falseAlerts.BySeverity[s])}"));
        console.WriteLine(
            $"False alerts: {Number(falseAlerts.Total)} ({Rate(falseAlerts.PerDay)} per day, "
            + $"{Rate(falseAlerts.Per1000UsersPerDay)} per 1,000 users per day); by severity: {bySeverity}.");
        if (falseAlerts.TopDetectors.Count == 0)
        {
            return;
        }

        console.WriteLine(
            $"{Count(falseAlerts.Detectors, "detector")} raised false alerts"
            + (falseAlerts.Detectors > falseAlerts.TopDetectors.Count ? $"; the {Number(falseAlerts.TopDetectors.Count)} with the most:" : ":"));
        var table = NewTable("False alerts by detector", "Detector", "False alerts");
        foreach (var d in falseAlerts.TopDetectors)
        {
            AddRow(table, d.Detector, Number(d.Count));
        }

        console.Write(table);
    }

    private static void WriteTargets(IAnsiConsole console, IReadOnlyList<BacktestTarget> targets)
    {
        console.WriteLine("Targets:");
        foreach (var t in targets)
        {
            var actual = t.Actual is { } a ? Rate(a) : "undefined";
            console.Write(new Text(t.Passed ? "  PASS  " : "  FAIL  ", new Style(t.Passed ? Color.Green : Color.Red)));
            console.WriteLine($"{t.Description}: {actual} (target {t.Comparison} {Rate(t.Threshold)})");
        }

        var failed = targets.Count(t => !t.Passed);
        console.Write(new Text(failed == 0 ? "Result: PASS" : "Result: FAIL", new Style(failed == 0 ? Color.Green : Color.Red, decoration: Decoration.Bold)));
        console.WriteLine(failed == 0 ? $" (all {targets.Count} targets met)" : $" ({failed} of {targets.Count} targets missed)");
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    /// <summary>Adds a row of plain text cells (never markup: ids and names may hold brackets).</summary>
    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)));

    private static Text YesNo(bool value, bool good)
        => new(value ? "yes" : "no", new Style(value == good ? Color.Green : Color.Red));

    private static string Detectors(IReadOnlyList<string> detectors)
    {
        if (detectors.Count == 0)
        {
            return Undefined;
        }

        var shown = detectors.Take(DetectorsShown).ToList();
        if (detectors.Count > DetectorsShown)
        {
            shown.Add(Invariant($"(+{detectors.Count - DetectorsShown} more)"));
        }

        return string.Join('\n', shown);
    }

    private static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : Undefined;

    private static string Rate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(long value, string noun) => $"{Number(value)} {noun}{(value == 1 ? string.Empty : "s")}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
