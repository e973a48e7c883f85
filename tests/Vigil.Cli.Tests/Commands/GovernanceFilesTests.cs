using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class GovernanceFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Init_WritesOwnersPilotAndGitignore_ThatValidate()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        File.ReadAllText(Path.Combine(workspace, ".gitignore")).ShouldContain(".vigil/");
        var result = VigilCli.Run("validate", workspace);
        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Stdout);
        result.Stdout.ShouldContain("owners: 2 entries");
        result.Stdout.ShouldContain("pilot: 4 exit criteria");
    }

    [Fact]
    public void Validate_BrokenOwnersAndPilot_ReportsFileLineAndReason()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        File.WriteAllText(Path.Combine(workspace, "owners.yaml"), """
            owners:
              - match: "rule:*"
                owner: SOC
                review: sometimes
              - match: "everything"
                reviewer: x
            """);
        File.WriteAllText(Path.Combine(workspace, "pilot.yaml"), """
            name: p
            start: 2027-03-01
            end: 2027-01-01
            targets:
              false_positive_rate: 1.5
              mttd_hours: soon
              speed: 3
            """);
        var result = VigilCli.Run("validate", workspace);
        result.ExitCode.ShouldBe(ExitCodes.RuleErrors);
        result.Stdout.ShouldContain("owners.yaml(2,5): 'review' is required: one of weekly, monthly, quarterly, yearly");
        result.Stdout.ShouldContain("owners.yaml(6,5): unknown key 'reviewer'");
        result.Stdout.ShouldContain("owners.yaml(5,5): 'match' is required");
        result.Stdout.ShouldContain("pilot.yaml(3,6): 'end' must be after 'start'");
        result.Stdout.ShouldContain("pilot.yaml(5,24): 'targets.false_positive_rate' is a rate between 0 and 1");
        result.Stdout.ShouldContain("pilot.yaml(6,15): 'targets.mttd_hours' must be a number");
        result.Stdout.ShouldContain("pilot.yaml(7,3): unknown key 'speed'");
    }

    [Fact]
    public void Validate_OwnersMissingOrNotYaml_IsReported()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        File.Delete(Path.Combine(workspace, "owners.yaml"));
        File.WriteAllText(Path.Combine(workspace, "pilot.yaml"), "name: [unclosed\n");
        var result = VigilCli.Run("validate", workspace);
        result.ExitCode.ShouldBe(ExitCodes.RuleErrors);
        result.Stdout.ShouldContain("owners.yaml: missing");
        result.Stdout.ShouldContain("pilot.yaml(");
        result.Stdout.ShouldContain("not valid YAML");
    }
}
