using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void Run_HuntHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("hunt", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("hunt-help", result.Stdout);
    }

    [Fact]
    public void Run_RulesCheckHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("rules", "check", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("rules-check-help", result.Stdout);
    }

    [Fact]
    public void Run_RootHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("root-help", result.Stdout);
    }

    [Fact]
    public void Run_NoCommand_ShowsHelpAndReturnsUsageError()
    {
        var result = VigilCli.Run();

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stdout.ShouldContain("Usage:");
        result.Stderr.ShouldContain("needs a command");
    }

    [Fact]
    public void Run_UnknownCommand_ReturnsUsageError()
    {
        var result = VigilCli.Run("frobnicate");

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("frobnicate");
    }

    [Fact]
    public void ExitCodes_FlagsCombineBelowTheFailureCodes()
    {
        (ExitCodes.Hits | ExitCodes.InputErrors | ExitCodes.RuleErrors).ShouldBe(7);
        new[] { ExitCodes.Hits, ExitCodes.InputErrors, ExitCodes.RuleErrors }.ShouldAllBe(flag => (flag & (flag - 1)) == 0);
        ExitCodes.UsageError.ShouldBeGreaterThan(7);
        ExitCodes.Fatal.ShouldBeGreaterThan(7);
        ExitCodes.Cancelled.ShouldBeGreaterThan(7);
    }
}
