using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil hunt --models: findings written like hits, model errors reported, state saved and reloaded.</summary>
public sealed class HuntModelsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Simulate()
    {
        var output = _dir.PathOf("sim");
        VigilCli.Run("simulate", "--users", "40", "--days", "28", "--seed", "3", "--out", output).ExitCode.ShouldBe(ExitCodes.Ok);
        return output;
    }

    [Fact]
    public void Hunt_WithModels_WritesFindingsAsJsonLines()
    {
        var sim = Simulate();

        var result = VigilCli.Run("hunt", Path.Combine(sim, "logs"), "--rules", RepoPaths.Repo("rules"), "--context", Path.Combine(sim, "context"),
            "--models", RepoPaths.Repo("models"), "--format", "jsonl");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        var findings = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("model", out _))
            .ToList();
        findings.ShouldNotBeEmpty();
        foreach (var finding in findings)
        {
            finding.GetProperty("model").GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
            finding.GetProperty("score").GetDouble().ShouldBeInRange(40, 100);
            finding.GetProperty("confidence").GetDouble().ShouldBeInRange(0, 1);
            finding.GetProperty("explanation").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
            finding.GetProperty("explanation").GetProperty("numbers").EnumerateObject().ShouldNotBeEmpty();
            finding.GetProperty("evidence").GetArrayLength().ShouldBeGreaterThan(0);
            var evidence = finding.GetProperty("evidence")[0].GetProperty("file").GetString()!;
            evidence.ShouldStartWith(Path.Combine(sim, "logs"));
        }

        findings.ShouldContain(f => f.GetProperty("model").GetProperty("name").GetString() == "failed-logons");
        result.Stderr.ShouldContain("behavioural findings");
    }

    [Fact]
    public void Hunt_ModelStateSavedThenReloaded_GoesOnFromTheBaseline()
    {
        var sim = Simulate();
        var state = _dir.PathOf("state.json");
        string[] args = ["hunt", Path.Combine(sim, "logs"), "--rules", RepoPaths.Repo("rules"), "--context", Path.Combine(sim, "context"),
            "--models", RepoPaths.Repo("models"), "--model-state", state, "--format", "jsonl"];

        var first = VigilCli.Run(args);
        first.Stderr.ShouldContain("none yet");
        File.Exists(state).ShouldBeTrue();
        var second = VigilCli.Run(args);

        second.Stderr.ShouldContain("models restored");
        second.Stderr.ShouldNotContain("model state error");
        using var saved = JsonDocument.Parse(File.ReadAllText(state));
        saved.RootElement.GetProperty("format").GetString().ShouldBe("vigil-model-state/1");
    }

    [Fact]
    public void Hunt_BrokenModelFile_IsReportedAndTheOthersRun()
    {
        var models = _dir.PathOf("models");
        Directory.CreateDirectory(models);
        foreach (var file in Directory.GetFiles(RepoPaths.Repo("models"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(models, "broken.yaml"), "name: broken\nkind: crystal-ball\n");
        File.WriteAllText(Path.Combine(models, "logon-hours.yaml"), File.ReadAllText(Path.Combine(models, "logon-hours.yaml")).Replace("min_gap_hours: 4", "min_gap_hours: 99", StringComparison.Ordinal));

        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"), "--models", models);

        result.ExitCode.ShouldBe(ExitCodes.Hits | ExitCodes.RuleErrors, result.Stderr);
        result.Stderr.ShouldContain("model error: broken.yaml(2,7): 'kind' must be one of");
        result.Stderr.ShouldContain("logon-hours.yaml");
        result.Stderr.ShouldContain("'min_gap_hours': 99 is outside 0..24");
        result.Stderr.ShouldContain("13 running");
    }

    [Fact]
    public void Hunt_ModelStateWithoutModels_IsAUsageError()
    {
        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"), "--model-state", _dir.PathOf("s.json"));

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("--model-state needs --models");
    }

    [Fact]
    public void Hunt_Workspace_UsesItsRulesModelsAndContext()
    {
        var sim = Simulate();
        var workspace = _dir.PathOf("workspace");
        Directory.CreateDirectory(workspace);
        Directory.Move(Path.Combine(sim, "context"), Path.Combine(workspace, "context"));
        CopyFolder(RepoPaths.Repo("rules"), Path.Combine(workspace, "rules"));
        CopyFolder(RepoPaths.Repo("models"), Path.Combine(workspace, "models"));

        var result = VigilCli.Run("hunt", Path.Combine(sim, "logs"), "--workspace", workspace, "--format", "jsonl");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        result.Stdout.ShouldContain("\"model\":{\"name\":\"failed-logons\"");
        result.Stderr.ShouldContain("Identity and asset resolution, per source:");
    }

    [Fact]
    public void Hunt_NeitherRulesNorWorkspace_IsAUsageError()
    {
        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"));

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("--rules is required (or --workspace DIR with a rules/ folder)");
    }

    [Fact]
    public void Hunt_WorkspaceWithoutRules_IsAUsageError()
    {
        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--workspace", _dir.Path);

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("the workspace has no rules/ folder");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
