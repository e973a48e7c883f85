using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class HuntCommandErrorTests
{
    private const string Whoami = "C:\\Windows\\System32\\whoami.exe";

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

    [Fact]
    public void Hunt_OutputInUnwritableFolder_ReturnsFatal()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--output", dir.PathOf("no/such/folder/hits.csv"), "--format", "csv");

        result.ExitCode.ShouldBe(ExitCodes.Fatal, result.ToString());
        result.Stderr.ShouldContain("cannot write the output file");
    }

    [Fact]
    public void Hunt_MalformedJsonLine_IsReportedWithFileAndLineAndOtherEventsStillHit()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(
            Samples.ProcessEvent(Whoami, "first"),
            "{\"Channel\": \"Microsoft-Windows-Sysmon/Operational\", \"EventID\": ",
            Samples.ProcessEvent(Whoami, "third")));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits | ExitCodes.InputErrors, result.ToString());
        result.Stderr.ShouldContain($"read error: {events}:2");
        var commandLines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event").GetProperty("CommandLine").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        commandLines.ShouldBe(["first", "third"]);
        result.Stderr.ShouldContain("1 read errors");
    }

    [Fact]
    public void Hunt_MissingInputFile_ReportsItAndHuntsTheOtherFiles()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var missing = dir.PathOf("missing.jsonl");
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", missing, events, "--rules", rules, "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits | ExitCodes.InputErrors, result.ToString());
        result.Stderr.ShouldContain(missing);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public void Hunt_ManyMalformedLines_PrintsTheFirstTwentyThenACount()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var lines = Enumerable.Range(0, 25).Select(_ => "{not json").Append(Samples.ProcessEvent(Whoami)).ToArray();
        var events = dir.Write("events.jsonl", Samples.Lines(lines));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits | ExitCodes.InputErrors, result.ToString());
        result.Stderr.Split('\n').Count(l => l.StartsWith($"vigil: read error: {events}:", StringComparison.Ordinal)).ShouldBe(20);
        result.Stderr.ShouldContain("5 more read errors not shown (25 in all)");
    }

    [Fact]
    public void Hunt_BrokenRuleBesideGoodOne_ReportsItAndStillHunts()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        dir.Write("rules/broken.yml", BrokenRule);
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", dir.PathOf("rules"), "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits | ExitCodes.RuleErrors, result.ToString());
        result.Stderr.ShouldContain("rule error: " + dir.PathOf("rules/broken.yml") + ":9:");
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public void Hunt_NoUsableRule_ReturnsFatal()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/broken.yml", BrokenRule);
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Fatal, result.ToString());
        result.Stderr.ShouldContain("no rule to run");
    }

    [Fact]
    public void Hunt_WithoutRules_IsAUsageError()
    {
        var result = VigilCli.Run("hunt", "events.jsonl");

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("--rules");
        result.Stderr.ShouldContain("vigil hunt --help");
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--threads", "0")]
    [InlineData("--level", "severe")]
    public void Hunt_InvalidOptionValue_IsAUsageError(string option, string value)
    {
        var result = VigilCli.Run("hunt", "events.jsonl", "--rules", "rules", option, value);

        result.ExitCode.ShouldBe(ExitCodes.UsageError, result.ToString());
    }

    [Fact]
    public void Hunt_InvalidPlaceholdersFile_IsAUsageError()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var placeholders = dir.Write("placeholders.yml", "- just\n- a list\n");
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--placeholders", placeholders);

        result.ExitCode.ShouldBe(ExitCodes.UsageError, result.ToString());
        result.Stderr.ShouldContain(placeholders + ":1:1:");
    }
}
