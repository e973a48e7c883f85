using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class RulesCommandTests
{
    private const string BrokenRule = """
        title: Broken modifier
        id: a7b1c3d5-0999-4000-8000-000000000999
        level: high
        logsource:
          product: windows
          category: process_creation
        detection:
          selection:
            Image|nosuchmodifier: 'x'
          condition: selection

        """;

    private const string UnknownLogsourceRule = """
        title: Gadget rule
        id: a7b1c3d5-0888-4000-8000-000000000888
        level: low
        logsource:
          product: gadget
          category: widget_event
        detection:
          selection:
            Widget: 'spin'
          condition: selection

        """;

    [Fact]
    public void Check_AllRulesLoad_ReturnsOkAndListsEachRule()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        dir.Write("rules/cmd.yml", Samples.ProcessRule(Samples.NetUserId, "Cmd rule", "\\cmd.exe"));

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"));

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("Whoami Execution");
        result.Stdout.ShouldContain("Cmd rule");
        result.Stdout.ShouldContain("2 rules in 2 files: 2 loaded, 0 failed");
    }

    [Fact]
    public void Check_BrokenRule_IsReportedWithLineAndConstructAndTheOthersLoad()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var broken = dir.Write("rules/broken.yml", BrokenRule);

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"));

        result.ExitCode.ShouldBe(ExitCodes.RuleErrors, result.ToString());
        result.Stdout.ShouldContain("failed");
        result.Stdout.ShouldContain($"error: {broken}:9:");
        result.Stdout.ShouldContain("nosuchmodifier");
        result.Stdout.ShouldContain("2 rules in 2 files: 1 loaded, 1 failed");
    }

    [Fact]
    public void Check_JsonFormat_IsOneDocumentWithPerRuleEntriesAndTotals()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("rules/a-whoami.yml", Samples.WhoamiRule());
        var broken = dir.Write("rules/b-broken.yml", BrokenRule);

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"), "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.RuleErrors, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(2);

        var loaded = rules.Single(r => string.Equals(r.GetProperty("state").GetString(), "loaded", StringComparison.Ordinal));
        loaded.GetProperty("file").GetString().ShouldBe(good);
        loaded.GetProperty("id").GetString().ShouldBe(Samples.WhoamiId);
        loaded.GetProperty("title").GetString().ShouldBe("Whoami Execution");
        loaded.GetProperty("kind").GetString().ShouldBe("detection");
        loaded.GetProperty("errors").GetArrayLength().ShouldBe(0);

        var failed = rules.Single(r => string.Equals(r.GetProperty("state").GetString(), "failed", StringComparison.Ordinal));
        failed.GetProperty("file").GetString().ShouldBe(broken);
        var error = failed.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("file").GetString().ShouldBe(broken);
        error.GetProperty("line").GetInt32().ShouldBe(9);
        error.GetProperty("column").GetInt32().ShouldBeGreaterThan(0);
        error.GetProperty("construct").GetString()!.ShouldContain("nosuchmodifier");
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();

        var totals = doc.RootElement.GetProperty("totals");
        totals.GetProperty("files").GetInt32().ShouldBe(2);
        totals.GetProperty("rules").GetInt32().ShouldBe(2);
        totals.GetProperty("loaded").GetInt32().ShouldBe(1);
        totals.GetProperty("failed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Check_UnknownLogsource_IsAWarningAndTheRuleLoads()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/gadget.yml", UnknownLogsourceRule);

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"), "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var rule = doc.RootElement.GetProperty("rules").EnumerateArray().ShouldHaveSingleItem();
        rule.GetProperty("state").GetString().ShouldBe("loaded");
        rule.GetProperty("logsource_known").GetBoolean().ShouldBeFalse();
        rule.GetProperty("warnings").EnumerateArray().ShouldContain(w => string.Equals(w.GetProperty("construct").GetString(), "logsource", StringComparison.Ordinal));
        doc.RootElement.GetProperty("totals").GetProperty("unknown_logsource").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Check_UnknownLogsourceWithStrictLogsource_ReportsUnknownLogsourceAndRuleErrors()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/gadget.yml", UnknownLogsourceRule);
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"), "--strict-logsource");

        result.ExitCode.ShouldBe(ExitCodes.RuleErrors, result.ToString());
        result.Stdout.ShouldContain("unknown-logsource");
    }

    [Fact]
    public void Check_NoRuleFound_ReturnsFatal()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.PathOf("empty"));

        var result = VigilCli.Run("rules", "check", dir.PathOf("empty"));

        result.ExitCode.ShouldBe(ExitCodes.Fatal, result.ToString());
        result.Stderr.ShouldContain("no Sigma rule found");
    }

    [Fact]
    public void Check_MissingLogsourcesFile_IsAUsageError()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());

        var result = VigilCli.Run("rules", "check", dir.PathOf("rules"), "--logsources", dir.PathOf("nope.yaml"));

        result.ExitCode.ShouldBe(ExitCodes.UsageError, result.ToString());
        result.Stderr.ShouldContain("nope.yaml");
    }
}
