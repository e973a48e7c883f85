using Vigil.Analytics.Backtesting;
using Vigil.Cli.Backtesting;

namespace Vigil.Cli.Tests.Backtesting;

public sealed class BacktestTableWriterTests
{
    [Fact]
    public void Write_Report_ListsScenariosTechniquesAndTraps()
    {
        var text = Render(BacktestSampleReport.Create());

        text.ShouldContain("attack-01-password-spraying");
        text.ShouldContain("attack-02-lsass-dump");
        text.ShouldContain("benign-01-backup");
        text.ShouldContain("T1110.003");
        text.ShouldContain("rule:[brackets]");
        text.ShouldContain("4m 00s");
        text.ShouldContain("Overall: 1/2 attack scenarios detected; precision 0.500, recall 0.500, F1 0.500.");
        text.ShouldContain("Alerts: 4 raw, 4 after deduplication (same detector and entities within 1h 00m); 2 true, 2 false.");
    }

    [Fact]
    public void Write_FalseAlertRates_ArePerDayAndPerThousandUsersPerDay()
        => Render(BacktestSampleReport.Create()).ShouldContain(
            "False alerts: 2 (0.07 per day, 0.36 per 1,000 users per day); by severity: informational 0, low 1, medium 0, high 0, critical 1.");

    [Fact]
    public void Write_FailingReport_HasPassAndFailLinesPerTarget()
    {
        var text = Render(BacktestSampleReport.Create());

        ShouldHaveLine(text, "  FAIL  every attack scenario detected: 0.5 (target >= 1)");
        ShouldHaveLine(text, "  PASS  at most 5 false alerts per 1,000 users per day: 0.36 (target <= 5)");
        ShouldHaveLine(text, "  FAIL  no benign trap flagged above medium: 1 (target <= 0)");
        ShouldHaveLine(text, "Result: FAIL (2 of 3 targets missed)");
    }

    [Fact]
    public void Write_PassingReport_SaysPass()
    {
        var text = Render(BacktestSampleReport.Create(passing: true));

        ShouldHaveLine(text, "  PASS  every attack scenario detected: 1 (target >= 1)");
        ShouldHaveLine(text, "Result: PASS (all 3 targets met)");
    }

    [Fact]
    public void Write_UndefinedPrecision_ShowsADash()
    {
        var row = Lines(Render(BacktestSampleReport.Create())).Single(l => l.Contains("attack-02-lsass-dump", StringComparison.Ordinal));

        row.ShouldContain("–");
        row.ShouldContain("no");
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(17 * 60, "17m 00s")]
    [InlineData((2 * 3600) + (5 * 60), "2h 05m")]
    [InlineData((3 * 86400) + (4 * 3600), "3d 04h")]
    public void Duration_FormatsBriefly(int seconds, string expected)
        => BacktestTableWriter.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    private static string Render(BacktestReport report)
    {
        using var output = new StringWriter();
        BacktestTableWriter.Write(report, CliConsole.CreateAnsiConsole(output, isTerminal: false));
        return output.ToString();
    }

    private static void ShouldHaveLine(string text, string line)
        => ("\n" + string.Join('\n', Lines(text)) + "\n").ShouldContain("\n" + line + "\n");

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
