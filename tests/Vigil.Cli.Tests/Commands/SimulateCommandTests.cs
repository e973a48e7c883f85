using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_SimulateHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("simulate", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("simulate-help", result.Stdout);
    }

    [Fact]
    public void Simulate_SmallOrganisation_WritesTheLayoutAndSummary()
    {
        var output = _dir.PathOf("sim");

        var result = VigilCli.Run("simulate", "--users", "20", "--days", "3", "--seed", "5", "--start", "2027-01-04", "--out", output);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        string[] files =
        [
            "logs/windows-security.xml", "logs/sysmon.xml", "logs/linux-auth.log", "logs/vpn.cef", "logs/firewall.cef", "logs/cloudtrail.json",
            "context/assets.csv", "context/identities.yaml", "context/maintenance.yaml", "context/privileged-access.yaml", "truth.json",
        ];
        foreach (var file in files)
        {
            File.Exists(Path.Combine(output, file)).ShouldBeTrue(file);
            result.Stdout.ShouldContain(file);
        }

        result.Stdout.ShouldContain("Simulated 20 people");
        result.Stdout.ShouldContain("attack-01-password-spraying");
        result.Stdout.ShouldContain("benign-05-user-travelling");
        result.Stderr.ShouldBeEmpty();
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "truth.json")));
        truth.RootElement.GetProperty("start").GetString().ShouldBe("2027-01-04T00:00:00Z");
        truth.RootElement.GetProperty("seed").GetInt32().ShouldBe(5);
        truth.RootElement.GetProperty("scenarios").GetArrayLength().ShouldBe(13);
    }

    [Fact]
    public void Simulate_Output_NormalizesWithoutUnmappedEvents()
    {
        var output = _dir.PathOf("sim");
        VigilCli.Run("simulate", "--users", "20", "--days", "2", "--out", output).ExitCode.ShouldBe(ExitCodes.Ok);

        var result = VigilCli.Run("normalize", Path.Combine(output, "logs"), "--context", Path.Combine(output, "context"), "-o", _dir.PathOf("events.jsonl"));

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Stderr);
        result.Stderr.ShouldNotContain("no map");
        result.Stderr.ShouldNotContain("(no map)");
        result.Stderr.ShouldContain("windows-security");
        result.Stderr.ShouldContain("aws-cloudtrail");
    }

    [Theory]
    [InlineData("--days", "0", "--days must be between 1 and 366 (got 0)")]
    [InlineData("--days", "400", "--days must be between 1 and 366 (got 400)")]
    [InlineData("--users", "5", "--users must be between 20 and 20000 (got 5)")]
    [InlineData("--users", "20001", "--users must be between 20 and 20000 (got 20001)")]
    [InlineData("--start", "05/10/2026", "--start must be a date written YYYY-MM-DD, such as 2026-10-05 (got '05/10/2026')")]
    [InlineData("--start", "2026-02-30", "--start must be a date written YYYY-MM-DD")]
    public void Simulate_BadOption_UsageErrorNamingIt(string option, string value, string message)
    {
        var output = _dir.PathOf("sim");

        var result = VigilCli.Run("simulate", option, value, "--out", output);

        result.ExitCode.ShouldBe(ExitCodes.UsageError, result.ToString());
        result.Stderr.ShouldContain("vigil: error: " + message);
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Simulate_WithoutOut_UsageError()
    {
        var result = VigilCli.Run("simulate", "--days", "2");

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("--out");
    }

    [Fact]
    public void Simulate_NotANumber_UsageError()
    {
        var result = VigilCli.Run("simulate", "--days", "many", "--out", _dir.PathOf("sim"));

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("many");
    }

    [Fact]
    public void Simulate_OutIsAFile_UsageError()
    {
        var file = _dir.Write("taken", "x");

        var result = VigilCli.Run("simulate", "--users", "20", "--days", "2", "--out", file);

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("is a file, not a folder");
    }
}
