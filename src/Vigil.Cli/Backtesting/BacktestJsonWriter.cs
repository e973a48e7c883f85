using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Analytics.Backtesting;

namespace Vigil.Cli.Backtesting;

/// <summary>
/// Writes a backtest report as one JSON document (<c>"format": "vigil-backtest/1"</c>): snake_case names, times in
/// ISO-8601 UTC, durations in seconds, undefined metrics as null. The schema is in docs/backtest.md.
/// </summary>
internal static class BacktestJsonWriter
{
    /// <summary>The format tag of the document.</summary>
    public const string Format = "vigil-backtest/1";

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(BacktestReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteBoolean("passed", report.Passed);
            WriteTruth(json, report);
            WriteSettings(json, report.Options);
            WriteAlerts(json, report.Alerts);
            WriteOverall(json, report.Overall);
            WriteFalseAlerts(json, report.FalseAlerts);
            WriteArray(json, "scenarios", report.Scenarios, WriteScenario);
            WriteArray(json, "scenario_names", report.ScenarioNames, WriteName);
            WriteArray(json, "techniques", report.Techniques, WriteTechnique);
            WriteArray(json, "benign_traps", report.BenignTraps, WriteTrap);
            WriteArray(json, "targets", report.Targets, WriteTarget);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteTruth(Utf8JsonWriter json, BacktestReport report)
    {
        var truth = report.Truth;
        json.WriteStartObject("truth");
        json.WriteNumber("seed", truth.Seed);
        WriteTime(json, "start", truth.Start);
        WriteTime(json, "end", truth.End);
        json.WriteNumber("days", truth.Days);
        json.WriteNumber("users", truth.Users);
        json.WriteNumber("learning_days", truth.LearningDays);
        json.WriteNumber("attack_scenarios", report.Scenarios.Count);
        json.WriteNumber("benign_traps", report.BenignTraps.Count);
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, BacktestOptions options)
    {
        json.WriteStartObject("settings");
        json.WriteNumber("dedup_window_seconds", options.DedupWindow.TotalSeconds);
        json.WriteNumber("match_lead_seconds", options.MatchLead.TotalSeconds);
        json.WriteNumber("match_slack_seconds", options.MatchSlack.TotalSeconds);
        json.WriteNumber("target_recall", options.TargetRecall);
        json.WriteNumber("target_false_alerts_per_1000_users_per_day", options.TargetFalseAlertsPer1000UsersPerDay);
        json.WriteString("target_max_trap_severity", BacktestSeverities.Name(options.TargetMaxTrapSeverity));
        json.WriteEndObject();
    }

    private static void WriteAlerts(Utf8JsonWriter json, BacktestAlertCounts alerts)
    {
        json.WriteStartObject("alerts");
        json.WriteNumber("raw", alerts.Raw);
        json.WriteNumber("deduplicated", alerts.Deduplicated);
        json.WriteNumber("true_positive", alerts.TruePositive);
        json.WriteNumber("false", alerts.False);
        json.WriteEndObject();
    }

    private static void WriteOverall(Utf8JsonWriter json, BacktestOverall overall)
    {
        json.WriteStartObject("overall");
        json.WriteNumber("attack_scenarios", overall.AttackScenarios);
        json.WriteNumber("detected", overall.Detected);
        WriteMetrics(json, overall.Metrics);
        json.WriteEndObject();
    }

    private static void WriteFalseAlerts(Utf8JsonWriter json, BacktestFalseAlerts falseAlerts)
    {
        json.WriteStartObject("false_alerts");
        json.WriteNumber("total", falseAlerts.Total);
        json.WriteNumber("per_day", falseAlerts.PerDay);
        json.WriteNumber("per_1000_users_per_day", falseAlerts.Per1000UsersPerDay);
        json.WriteStartObject("by_severity");
        foreach (var severity in BacktestSeverities.All)
        {
            json.WriteNumber(BacktestSeverities.Name(severity), falseAlerts.BySeverity.GetValueOrDefault(severity));
        }

        json.WriteEndObject();
        json.WriteNumber("detectors", falseAlerts.Detectors);
        WriteArray(json, "top_detectors", falseAlerts.TopDetectors, (j, d) =>
        {
            j.WriteString("detector", d.Detector);
            j.WriteNumber("count", d.Count);
        });
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, BacktestScenarioScore s)
    {
        json.WriteString("id", s.Id);
        json.WriteString("name", s.Name);
        json.WriteString("title", s.Title);
        WriteStrings(json, "techniques", s.Techniques);
        WriteTime(json, "start", s.Start);
        WriteTime(json, "end", s.End);
        json.WriteBoolean("detected", s.Detected);
        json.WriteNumber("alerts", s.Alerts);
        json.WriteNumber("false_alerts_sharing_technique", s.FalseAlertsSharingTechnique);
        WriteStrings(json, "detectors", s.Detectors);
        WriteTime(json, "first_alert", s.FirstAlert);
        WriteSeconds(json, "time_to_detect_seconds", s.TimeToDetect);
        WriteMetrics(json, s.Metrics);
    }

    private static void WriteName(Utf8JsonWriter json, BacktestScenarioNameScore n)
    {
        json.WriteString("name", n.Name);
        json.WriteNumber("instances", n.Instances);
        json.WriteNumber("detected", n.Detected);
        json.WriteNumber("alerts", n.Alerts);
        json.WriteNumber("false_alerts_sharing_technique", n.FalseAlertsSharingTechnique);
        WriteSeconds(json, "mean_time_to_detect_seconds", n.MeanTimeToDetect);
        WriteMetrics(json, n.Metrics);
    }

    private static void WriteTechnique(Utf8JsonWriter json, BacktestTechniqueScore t)
    {
        json.WriteString("technique", t.Technique);
        WriteStrings(json, "labels", t.Labels);
        json.WriteNumber("scenarios", t.Scenarios);
        json.WriteNumber("detected", t.Detected);
        json.WriteNumber("alerts", t.Alerts);
        json.WriteNumber("matched_alerts", t.MatchedAlerts);
        WriteMetrics(json, t.Metrics);
    }

    private static void WriteTrap(Utf8JsonWriter json, BacktestTrapScore t)
    {
        json.WriteString("id", t.Id);
        json.WriteString("name", t.Name);
        json.WriteString("title", t.Title);
        WriteTime(json, "start", t.Start);
        WriteTime(json, "end", t.End);
        json.WriteBoolean("flagged", t.Flagged);
        json.WriteNumber("alerts", t.Alerts);
        if (t.HighestSeverity is { } severity)
        {
            json.WriteString("highest_severity", BacktestSeverities.Name(severity));
        }
        else
        {
            json.WriteNull("highest_severity");
        }

        json.WriteBoolean("above_medium", t.AboveMedium);
        WriteStrings(json, "detectors", t.Detectors);
    }

    private static void WriteTarget(Utf8JsonWriter json, BacktestTarget t)
    {
        json.WriteString("name", t.Name);
        json.WriteString("description", t.Description);
        json.WriteString("comparison", t.Comparison);
        json.WriteNumber("threshold", t.Threshold);
        WriteNumber(json, "actual", t.Actual);
        json.WriteBoolean("passed", t.Passed);
    }

    private static void WriteMetrics(Utf8JsonWriter json, BacktestMetrics metrics)
    {
        WriteNumber(json, "precision", metrics.Precision);
        WriteNumber(json, "recall", metrics.Recall);
        WriteNumber(json, "f1", metrics.F1);
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeItem(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, BacktestTime.Format(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, TimeSpan? duration)
        => WriteNumber(json, name, duration?.TotalSeconds);

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
