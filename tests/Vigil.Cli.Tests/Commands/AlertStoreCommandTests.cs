using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil hunt --store and vigil alerts: alerts kept once, queried by severity and entity.</summary>
public sealed class AlertStoreCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private CliResult Hunt(string store) => VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"),
        "--context", RepoPaths.Repo("samples", "context"), "--models", RepoPaths.Repo("models"), "--store", store, "--format", "jsonl");

    [Fact]
    public void Hunt_StoreTwice_KeepsEachAlertOnce()
    {
        var store = _dir.PathOf("alerts.db");

        var first = Hunt(store);
        var second = Hunt(store);

        var hits = first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        first.Stderr.ShouldContain($"store {store}: {hits} alerts stored, 0 already there");
        second.Stderr.ShouldContain($"store {store}: 0 alerts stored, {hits} already there");
        var listed = VigilCli.Run("alerts", store, "--limit", "10000", "--format", "jsonl");
        listed.ExitCode.ShouldBe(ExitCodes.Ok, listed.Stderr);
        listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(hits);
    }

    [Fact]
    public void Alerts_ByEntityAndSeverity_ReturnsTheStoredOcsfFindings()
    {
        var store = _dir.PathOf("alerts.db");
        Hunt(store).ExitCode.ShouldBe(ExitCodes.Hits);

        var result = VigilCli.Run("alerts", store, "--entity", "adm-rpatel", "--min-severity", "critical", "--format", "jsonl");

        var findings = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.GetProperty("class_uid").GetInt32() == 2004 && f.GetProperty("severity_id").GetInt32() == 5);
        findings.ShouldContain(f => f.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString() == "model:privileged-group");
    }

    [Fact]
    public void Alerts_MissingOrBrokenStore_ClearErrors()
    {
        var missing = VigilCli.Run("alerts", _dir.PathOf("nowhere.db"));
        var broken = _dir.PathOf("broken.db");
        File.WriteAllText(broken, new string('x', 4096));
        var corrupt = VigilCli.Run("alerts", broken);

        missing.ExitCode.ShouldBe(ExitCodes.UsageError);
        missing.Stderr.ShouldContain("no such alert store");
        corrupt.ExitCode.ShouldBe(ExitCodes.Fatal);
        corrupt.Stderr.ShouldContain("cannot open the store");
    }
}
