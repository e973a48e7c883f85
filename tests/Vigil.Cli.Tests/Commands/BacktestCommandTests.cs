using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil backtest over a simulated organisation (40 people, 28 days: 14 learning days, then the scenarios).</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Simulate()
    {
        var output = _dir.PathOf("sim");
        VigilCli.Run("simulate", "--users", "40", "--days", "28", "--seed", "11", "--out", output).ExitCode.ShouldBe(ExitCodes.Ok);
        return output;
    }

    [Fact]
    public void Run_BacktestHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("backtest", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("backtest-help", result.Stdout);
    }

    [Fact]
    public void Backtest_Simulation_ReportsEveryScenarioAsJson()
    {
        var sim = Simulate();

        var result = VigilCli.Run("backtest", Path.Combine(sim, "logs"), "--truth", Path.Combine(sim, "truth.json"),
            "--rules", RepoPaths.Repo("rules"), "--models", RepoPaths.Repo("models"), "--format", "json");

        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        root.GetProperty("format").GetString().ShouldBe("vigil-backtest/1");
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        scenarios.Count.ShouldBe(8);
        var detected = scenarios.Count(s => s.GetProperty("detected").GetBoolean());
        detected.ShouldBe(8, result.Stdout);
        root.GetProperty("benign_traps").GetArrayLength().ShouldBe(5);
        var passed = root.GetProperty("passed").GetBoolean();
        result.ExitCode.ShouldBe(passed ? ExitCodes.Ok : ExitCodes.TargetsMissed, result.Stderr);
        result.Stderr.ShouldContain("at medium or above scored");
    }

    [Fact]
    public void Backtest_RulesAlone_DetectsLessThanWithModels()
    {
        var sim = Simulate();
        string[] common = [Path.Combine(sim, "logs"), "--truth", Path.Combine(sim, "truth.json"), "--rules", RepoPaths.Repo("rules"), "--format", "json"];

        var rulesOnly = VigilCli.Run(["backtest", .. common, "--no-models"]);
        var withModels = VigilCli.Run(["backtest", .. common, "--models", RepoPaths.Repo("models")]);

        static int Detected(string json)
        {
            using var report = JsonDocument.Parse(json);
            return report.RootElement.GetProperty("scenarios").EnumerateArray().Count(s => s.GetProperty("detected").GetBoolean());
        }

        Detected(withModels.Stdout).ShouldBeGreaterThan(Detected(rulesOnly.Stdout));
    }

    [Fact]
    public void Backtest_InvalidTruth_FailsNamingTheField()
    {
        var sim = Simulate();
        var truth = _dir.PathOf("bad-truth.json");
        File.WriteAllText(truth, File.ReadAllText(Path.Combine(sim, "truth.json")).Replace("\"kind\": \"attack\"", "\"kind\": \"maybe\"", StringComparison.Ordinal));

        var result = VigilCli.Run("backtest", Path.Combine(sim, "logs"), "--truth", truth, "--rules", RepoPaths.Repo("rules"));

        result.ExitCode.ShouldBe(ExitCodes.Fatal);
        result.Stderr.ShouldContain("bad-truth.json");
        result.Stderr.ShouldContain("kind");
    }

    [Theory]
    [InlineData("--dedup-window", "soon", "--dedup-window must be a duration")]
    [InlineData("--min-severity", "urgent", "urgent")]
    public void Backtest_BadOption_IsAUsageError(string option, string value, string message)
    {
        var result = VigilCli.Run("backtest", _dir.PathOf("x"), "--truth", _dir.PathOf("t.json"), "--rules", RepoPaths.Repo("rules"), option, value);

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain(message);
    }
}
