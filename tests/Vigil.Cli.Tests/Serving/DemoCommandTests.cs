using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Serving;

/// <summary>README's first command: the demo runs end to end and finds the simulated attacks' traces.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_Exit_SimulatesServesAndSummarises()
    {
        using var temp = new TempDirectory();
        var workspace = temp.PathOf("demo");
        var result = VigilCli.Run("demo", "--exit", "--dir", workspace, "--listen", "http://127.0.0.1:0", "--days", "7", "--users", "100");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Vigil is serving on http://127.0.0.1:");
        result.Stdout.ShouldContain("first alert");
        var found = result.Stdout.Split('\n').Single(l => l.StartsWith("Found ", StringComparison.Ordinal));
        var numbers = System.Text.RegularExpressions.Regex.Matches(found, @"\d[\d,]*").Select(m => int.Parse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers[0].ShouldBeGreaterThan(5, found);
        numbers[1].ShouldBeGreaterThan(0, "the behavioural models (learning shortened to the demo) must find something: " + found);
        numbers[2].ShouldBeGreaterThan(0, found);
        result.Stdout.ShouldContain("analyst key: vgl_");
        result.Stdout.ShouldContain("Response playbooks (shadow mode");
        result.Stderr.ShouldNotContain("Malformed input");
        File.Exists(Path.Combine(workspace, ".vigil", "vigil.db")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(workspace, "models", "logon-hours.yaml")).ShouldContain("learning_days: 3");
    }

    [Theory]
    [InlineData("--days", "2")]
    [InlineData("--days", "61")]
    public void Demo_BadDays_IsUsageError(string option, string value)
    {
        var result = VigilCli.Run("demo", "--exit", option, value);
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("--days");
    }
}
