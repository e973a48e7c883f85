using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil init and vigil validate: a working default workspace, and every problem in one named with file and line.</summary>
public sealed class WorkspaceCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("init")]
    [InlineData("validate")]
    [InlineData("alerts")]
    [InlineData("serve")]
    [InlineData("demo")]
    public void Help_MatchesApprovedText(string command)
    {
        var result = VigilCli.Run(command, "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify(command + "-help", result.Stdout);
    }

    [Fact]
    public void Init_ThenValidate_IsValidAndHuntable()
    {
        var workspace = _dir.PathOf("ws");

        var init = VigilCli.Run("init", workspace);
        var validate = VigilCli.Run("validate", workspace);
        var hunt = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--workspace", workspace, "--format", "jsonl");

        init.ExitCode.ShouldBe(ExitCodes.Ok, init.Stderr);
        foreach (var file in new[] { "README.md", "models/scoring.yaml", "models/rare-logon-host.yaml", "context/assets.csv", "context/identities.yaml",
            "context/maintenance.yaml", "context/privileged-access.yaml", "playbooks/README.md", "policy/README.md" })
        {
            File.Exists(Path.Combine(workspace, file)).ShouldBeTrue(file);
        }

        Directory.GetFiles(Path.Combine(workspace, "rules"), "*.yml", SearchOption.AllDirectories).Length
            .ShouldBe(Directory.GetFiles(RepoPaths.Repo("rules"), "*.yml", SearchOption.AllDirectories).Length);
        validate.ExitCode.ShouldBe(ExitCodes.Ok, validate.Stdout);
        validate.Stdout.ShouldContain("The workspace is valid.");
        validate.Stdout.ShouldContain("maintenance windows: 1, approved access patterns: 1");
        hunt.ExitCode.ShouldBe(ExitCodes.Hits, hunt.Stderr);
        hunt.Stderr.ShouldContain("models ");
    }

    [Fact]
    public void Init_FolderNotEmpty_RefusesUnlessForced()
    {
        var workspace = _dir.PathOf("ws");
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "notes.txt"), "mine");

        var refused = VigilCli.Run("init", workspace);
        var forced = VigilCli.Run("init", workspace, "--force");

        refused.ExitCode.ShouldBe(ExitCodes.UsageError);
        refused.Stderr.ShouldContain("the folder is not empty");
        forced.ExitCode.ShouldBe(ExitCodes.Ok, forced.Stderr);
        File.ReadAllText(Path.Combine(workspace, "notes.txt")).ShouldBe("mine");
    }

    [Fact]
    public void Validate_BrokenRuleModelAndContext_ReportsEachWithFileAndLine()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        File.WriteAllText(Path.Combine(workspace, "rules", "broken.yml"), "title: t\nlogsource: {product: windows}\ndetection:\n  sel: {a: 1}\n  condition: sel and missing\n");
        File.WriteAllText(Path.Combine(workspace, "models", "broken.yaml"), "name: broken\nkind: logon-hours\n");
        File.AppendAllText(Path.Combine(workspace, "context", "assets.csv"), "X,,10.9.9.9,,,tier 1,,\n");
        File.WriteAllText(Path.Combine(workspace, "context", "maintenance.yaml"), "windows:\n  - name: w\n    cron: \"every night\"\n    duration: 1h\n    assets: ['*']\n");
        File.WriteAllText(Path.Combine(workspace, "context", "asset.csv"), "name\nY\n");

        var result = VigilCli.Run("validate", workspace);

        result.ExitCode.ShouldBe(ExitCodes.RuleErrors);
        result.Stdout.ShouldContain("error: rules/broken.yml:5:");
        result.Stdout.ShouldContain("unknown search identifier 'missing'");
        result.Stdout.ShouldContain("error: models/broken.yaml(2,7): 'kind' must be one of");
        result.Stdout.ShouldContain("error: context/assets.csv:6: field 'criticality'");
        result.Stdout.ShouldContain("error: context/maintenance.yaml(3,11): maintenance window 'w': 'every night' is not a 5-field cron expression");
        result.Stdout.ShouldContain("error: context/asset.csv: not a context file name");
        result.Stdout.ShouldContain("5 problems.");
    }

    [Fact]
    public void Validate_MissingFolder_IsAUsageError()
    {
        var result = VigilCli.Run("validate", _dir.PathOf("nowhere"));

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("the workspace folder does not exist");
    }
}
