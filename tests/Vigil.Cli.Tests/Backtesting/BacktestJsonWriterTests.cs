using System.Text.Json;
using Vigil.Analytics.Backtesting;
using Vigil.Cli.Backtesting;

namespace Vigil.Cli.Tests.Backtesting;

public sealed class BacktestJsonWriterTests
{
    [Fact]
    public void Write_Report_IsOneDocumentWithTheSchemaSections()
    {
        var root = Parse(BacktestSampleReport.Create());

        root.GetProperty("format").GetString().ShouldBe("vigil-backtest/1");
        root.GetProperty("passed").GetBoolean().ShouldBeFalse();
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "format", "passed", "truth", "settings", "alerts", "overall", "false_alerts",
            "scenarios", "scenario_names", "techniques", "benign_traps", "targets",
        ]);
        var truth = root.GetProperty("truth");
        truth.GetProperty("start").GetString().ShouldBe("2026-10-05T00:00:00Z");
        truth.GetProperty("days").GetInt32().ShouldBe(28);
        truth.GetProperty("attack_scenarios").GetInt32().ShouldBe(2);
        root.GetProperty("settings").GetProperty("dedup_window_seconds").GetDouble().ShouldBe(3600);
        root.GetProperty("settings").GetProperty("match_lead_seconds").GetDouble().ShouldBe(300);
    }

    [Fact]
    public void Write_Counts_AndOverallMetrics()
    {
        var root = Parse(BacktestSampleReport.Create());

        var alerts = root.GetProperty("alerts");
        alerts.GetProperty("raw").GetInt32().ShouldBe(4);
        alerts.GetProperty("deduplicated").GetInt32().ShouldBe(4);
        alerts.GetProperty("true_positive").GetInt32().ShouldBe(2);
        alerts.GetProperty("false").GetInt32().ShouldBe(2);
        var overall = root.GetProperty("overall");
        overall.GetProperty("detected").GetInt32().ShouldBe(1);
        overall.GetProperty("recall").GetDouble().ShouldBe(0.5);
        overall.GetProperty("precision").GetDouble().ShouldBe(0.5);
        var falseAlerts = root.GetProperty("false_alerts");
        falseAlerts.GetProperty("total").GetInt32().ShouldBe(2);
        falseAlerts.GetProperty("per_day").GetDouble().ShouldBe(2 / 28.0, 1e-12);
        falseAlerts.GetProperty("per_1000_users_per_day").GetDouble().ShouldBe(2 / 28.0 / 200 * 1000, 1e-12);
        falseAlerts.GetProperty("by_severity").GetProperty("critical").GetInt32().ShouldBe(1);
        falseAlerts.GetProperty("by_severity").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["informational", "low", "medium", "high", "critical"]);
        falseAlerts.GetProperty("top_detectors")[0].GetProperty("detector").GetString().ShouldBe("rule:[brackets]");
    }

    [Fact]
    public void Write_Scenarios_HaveTimesInUtcAndDurationsInSeconds()
    {
        var scenarios = Parse(BacktestSampleReport.Create()).GetProperty("scenarios");

        scenarios.GetArrayLength().ShouldBe(2);
        var detected = scenarios[0];
        detected.GetProperty("id").GetString().ShouldBe("attack-01-password-spraying");
        detected.GetProperty("detected").GetBoolean().ShouldBeTrue();
        detected.GetProperty("alerts").GetInt32().ShouldBe(2);
        detected.GetProperty("start").GetString().ShouldBe("2026-10-21T10:02:00Z");
        detected.GetProperty("first_alert").GetString().ShouldBe("2026-10-21T10:06:00Z");
        detected.GetProperty("time_to_detect_seconds").GetDouble().ShouldBe(240);
        detected.GetProperty("detectors").EnumerateArray().Select(d => d.GetString()).ShouldBe(["model:failed-logons", "rule:spray"]);
        detected.GetProperty("techniques")[0].GetString().ShouldBe("T1110.003");
        var missed = scenarios[1];
        missed.GetProperty("detected").GetBoolean().ShouldBeFalse();
        missed.GetProperty("first_alert").ValueKind.ShouldBe(JsonValueKind.Null);
        missed.GetProperty("time_to_detect_seconds").ValueKind.ShouldBe(JsonValueKind.Null);
        missed.GetProperty("precision").ValueKind.ShouldBe(JsonValueKind.Null);
        missed.GetProperty("recall").GetDouble().ShouldBe(0);
    }

    [Fact]
    public void Write_TechniquesTrapsAndTargets()
    {
        var root = Parse(BacktestSampleReport.Create());

        var techniques = root.GetProperty("techniques");
        techniques.EnumerateArray().Select(t => t.GetProperty("technique").GetString()).ShouldBe(["T1003", "T1110"]);
        techniques[0].GetProperty("precision").ValueKind.ShouldBe(JsonValueKind.Null);
        techniques[1].GetProperty("alerts").GetInt32().ShouldBe(2);
        techniques[1].GetProperty("matched_alerts").GetInt32().ShouldBe(1);
        var trap = root.GetProperty("benign_traps")[0];
        trap.GetProperty("id").GetString().ShouldBe("benign-01-backup");
        trap.GetProperty("flagged").GetBoolean().ShouldBeTrue();
        trap.GetProperty("highest_severity").GetString().ShouldBe("critical");
        trap.GetProperty("above_medium").GetBoolean().ShouldBeTrue();
        var targets = root.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t, StringComparer.Ordinal);
        targets.Keys.ShouldBe(["attack_recall", "false_alerts_per_1000_users_per_day", "benign_traps_above_severity"]);
        targets["attack_recall"].GetProperty("passed").GetBoolean().ShouldBeFalse();
        targets["attack_recall"].GetProperty("actual").GetDouble().ShouldBe(0.5);
        targets["false_alerts_per_1000_users_per_day"].GetProperty("passed").GetBoolean().ShouldBeTrue();
        targets["false_alerts_per_1000_users_per_day"].GetProperty("threshold").GetDouble().ShouldBe(5);
        targets["benign_traps_above_severity"].GetProperty("passed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Write_PassingReport_SaysPassed()
        => Parse(BacktestSampleReport.Create(passing: true)).GetProperty("passed").GetBoolean().ShouldBeTrue();

    private static JsonElement Parse(BacktestReport report)
    {
        using var output = new StringWriter();
        BacktestJsonWriter.Write(report, output);
        using var document = JsonDocument.Parse(output.ToString());
        return document.RootElement.Clone();
    }
}
