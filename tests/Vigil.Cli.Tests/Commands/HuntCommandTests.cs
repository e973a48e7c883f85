using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class HuntCommandTests
{
    private const string Whoami = "C:\\Windows\\System32\\whoami.exe";
    private const string Notepad = "C:\\Windows\\System32\\notepad.exe";

    [Fact]
    public void Hunt_Jsonl_WritesOneObjectPerHitWithRuleAttackMatchedSourceTimeAndEvent()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(
            Samples.ProcessEvent(Notepad),
            Samples.ProcessEvent(Whoami, "whoami /all", time: "2024-05-01T10:00:00Z")));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.ToString());
        using var doc = JsonDocument.Parse(lines[0]);
        var hit = doc.RootElement;

        var rule = hit.GetProperty("rule");
        rule.GetProperty("id").GetString().ShouldBe(Samples.WhoamiId);
        rule.GetProperty("title").GetString().ShouldBe("Whoami Execution");
        rule.GetProperty("level").GetString().ShouldBe("medium");
        rule.GetProperty("status").GetString().ShouldBe("test");
        rule.GetProperty("kind").GetString().ShouldBe("detection");
        rule.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["attack.discovery", "attack.t1033"]);

        var attack = hit.GetProperty("attack");
        var tactic = attack.GetProperty("tactics").EnumerateArray().ShouldHaveSingleItem();
        tactic.GetProperty("id").GetString().ShouldBe("TA0007");
        tactic.GetProperty("name").GetString().ShouldBe("Discovery");
        var technique = attack.GetProperty("techniques").EnumerateArray().ShouldHaveSingleItem();
        technique.GetProperty("id").GetString().ShouldBe("T1033");
        technique.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();

        hit.GetProperty("matched").GetProperty("Image").GetString().ShouldBe(Whoami);
        hit.GetProperty("source").GetProperty("file").GetString().ShouldBe(events);
        hit.GetProperty("source").GetProperty("location").GetInt64().ShouldBe(2);
        hit.GetProperty("event").GetProperty("CommandLine").GetString().ShouldBe("whoami /all");
        hit.GetProperty("event").GetProperty("EventID").GetInt32().ShouldBe(1);
        hit.TryGetProperty("time", out var time).ShouldBeTrue();
        if (time.ValueKind == JsonValueKind.String)
        {
            DateTimeOffset.Parse(time.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        }

        hit.TryGetProperty("correlation", out _).ShouldBeFalse();
    }

    [Fact]
    public void Hunt_Csv_WritesHeaderAndQuotesATitleWithCommaAndQuotes()
    {
        using var dir = new TempDirectory();
        const string title = "Cmd, the \"quoted\" one";
        const string commandLine = "cmd.exe /c \"echo a,b\"\r\nsecond line";
        var rules = dir.Write("rules/cmd.yml", Samples.ProcessRule(Samples.NetUserId, title, "\\cmd.exe", "high", "stable", "attack.execution"));
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent("C:\\Windows\\System32\\cmd.exe", commandLine)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "csv", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var records = Csv.Parse(result.Stdout);
        records.Count.ShouldBe(2, result.ToString());
        records[0].ShouldBe(["time", "level", "rule_id", "rule_title", "tactics", "techniques", "source_file", "source_location", "matched"]);
        var row = records[1];
        row[1].ShouldBe("high");
        row[2].ShouldBe(Samples.NetUserId);
        row[3].ShouldBe(title);
        row[4].ShouldBe("TA0002 Execution");
        row[6].ShouldBe(events);
        row[7].ShouldBe("1");
        row[8].ShouldContain("Image=C:\\Windows\\System32\\cmd.exe");
    }

    [Fact]
    public void Hunt_CsvMatchedValueWithNewline_RoundTripsThroughRfc4180()
    {
        using var dir = new TempDirectory();
        const string commandLine = "powershell -c \"a,b\"\nnext";
        var rule = """
            title: Comma rule
            id: a7b1c3d5-0009-4000-8000-000000000009
            level: low
            logsource:
              product: windows
              category: process_creation
            detection:
              selection:
                CommandLine|contains: 'a,b'
              condition: selection

            """;
        var rules = dir.Write("rules/comma.yml", rule);
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent("C:\\x\\powershell.exe", commandLine)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "csv", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var records = Csv.Parse(result.Stdout);
        records.Count.ShouldBe(2, result.ToString());
        records[1][8].ShouldBe("CommandLine=" + commandLine);
    }

    [Fact]
    public void Hunt_Table_PrintsHitsThenSummaryOnStdout()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami), Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        result.Stdout.ShouldContain("Whoami Execution");
        result.Stdout.ShouldContain("events.jsonl:2");
        result.Stdout.ShouldContain("Hits by rule");
        result.Stdout.ShouldContain("Hits by ATT&CK tactic");
        result.Stdout.ShouldContain("2 hits; 2 events read");
    }

    [Fact]
    public void Hunt_Output_WritesHitsToTheFileAndSummaryToStderr()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami), Samples.ProcessEvent(Notepad)));
        var output = dir.PathOf("out/hits.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "jsonl", "--output", output, "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        result.Stdout.ShouldBeEmpty();
        var lines = File.ReadAllLines(output);
        lines.Length.ShouldBe(1);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("rule").GetProperty("id").GetString().ShouldBe(Samples.WhoamiId);
        result.Stderr.ShouldContain("1 hits; 2 events read");
    }

    [Theory]
    [InlineData("--level", "high", "High rule")]
    [InlineData("--status", "stable", "Stable rule")]
    [InlineData("--tag", "attack.t1059", "Tagged rule")]
    public void Hunt_Selection_RunsOnlySelectedRules(string option, string value, string expectedTitle)
    {
        using var dir = new TempDirectory();
        dir.Write("rules/high.yml", Samples.ProcessRule("a7b1c3d5-0101-4000-8000-000000000101", "High rule", "\\whoami.exe", "high", "test"));
        dir.Write("rules/stable.yml", Samples.ProcessRule("a7b1c3d5-0102-4000-8000-000000000102", "Stable rule", "\\whoami.exe", "low", "stable"));
        dir.Write("rules/tagged.yml", Samples.ProcessRule(
            "a7b1c3d5-0103-4000-8000-000000000103", "Tagged rule", "\\whoami.exe", "low", "test", "attack.execution", "attack.t1059.001"));
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami)));

        var result = VigilCli.Run("hunt", events, "--rules", dir.PathOf("rules"), "--format", "jsonl", option, value, "--quiet");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var titles = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("rule").GetProperty("title").GetString())
            .ToList();
        titles.ShouldBe([expectedTitle]);
    }

    [Fact]
    public void Hunt_NoHits_ReturnsOk()
    {
        using var dir = new TempDirectory();
        var rules = dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Notepad)));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--format", "jsonl", "--no-progress");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("0 hits; 1 events read");
    }

    [Fact]
    public void Hunt_Placeholders_FeedTheExpandModifier()
    {
        using var dir = new TempDirectory();
        var rule = """
            title: Admin account used
            id: a7b1c3d5-0201-4000-8000-000000000201
            level: high
            logsource:
              product: windows
              category: process_creation
            detection:
              selection:
                User|expand: '%admins%'
              condition: selection

            """;
        var rules = dir.Write("rules/admins.yml", rule);
        var placeholders = dir.Write("placeholders.yml", "admins:\n  - CORP\\root\n  - CORP\\bob\n");
        var events = dir.Write("events.jsonl", Samples.Lines(
            Samples.ProcessEvent(Notepad, user: "CORP\\alice"),
            Samples.ProcessEvent(Notepad, user: "CORP\\bob")));

        var result = VigilCli.Run("hunt", events, "--rules", rules, "--placeholders", placeholders, "--format", "jsonl", "--quiet");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var hit = JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()).RootElement;
        hit.GetProperty("event").GetProperty("User").GetString().ShouldBe("CORP\\bob");
    }

    [Fact]
    public void Hunt_CorrelationHit_HasCorrelationGroupValueTimesAndEvents()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        dir.Write("rules/many-whoami.yml", $"""
            title: Whoami burst
            id: a7b1c3d5-0301-4000-8000-000000000301
            level: high
            correlation:
              type: event_count
              rules:
                - {Samples.WhoamiId}
              group-by:
                - User
              timespan: 1h
              condition:
                gte: 3

            """);
        var events = dir.Write("events.jsonl", Samples.Lines(
            Samples.ProcessEvent(Whoami, user: "CORP\\eve", time: "2024-05-01T10:00:00Z"),
            Samples.ProcessEvent(Whoami, user: "CORP\\eve", time: "2024-05-01T10:05:00Z"),
            Samples.ProcessEvent(Whoami, user: "CORP\\bob", time: "2024-05-01T10:06:00Z"),
            Samples.ProcessEvent(Whoami, user: "CORP\\eve", time: "2024-05-01T10:10:00Z")));

        var result = VigilCli.Run("hunt", events, "--rules", dir.PathOf("rules"), "--format", "jsonl", "--threads", "1", "--quiet");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var correlation = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(hit => string.Equals(hit.GetProperty("rule").GetProperty("kind").GetString(), "correlation", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        var c = correlation.GetProperty("correlation");
        c.GetProperty("group").GetProperty("User").GetString().ShouldBe("CORP\\eve");
        c.GetProperty("value").GetDouble().ShouldBe(3);
        c.GetProperty("first_time").GetString().ShouldStartWith("2024-05-01T10:00:00");
        c.GetProperty("last_time").GetString().ShouldStartWith("2024-05-01T10:10:00");
        c.GetProperty("events").GetArrayLength().ShouldBe(3);
        c.GetProperty("events")[0].GetProperty("source").GetProperty("file").GetString().ShouldBe(events);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Hunt_UnknownLogsource_RunsOnEveryEventUnlessStrict(bool strict, bool expectGadgetHit)
    {
        using var dir = new TempDirectory();
        dir.Write("rules/whoami.yml", Samples.WhoamiRule());
        dir.Write("rules/gadget.yml", """
            title: Gadget rule
            id: a7b1c3d5-0888-4000-8000-000000000888
            level: low
            logsource:
              product: gadget
              category: widget_event
            detection:
              selection:
                CommandLine: 'spin'
              condition: selection

            """);
        var events = dir.Write("events.jsonl", Samples.Lines(Samples.ProcessEvent(Whoami, "spin")));
        string[] args = ["hunt", events, "--rules", dir.PathOf("rules"), "--format", "jsonl", "--no-progress"];

        var result = VigilCli.Run(strict ? [.. args, "--strict-logsource"] : args);

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.ToString());
        var titles = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("rule").GetProperty("title").GetString())
            .ToList();
        titles.Contains("Whoami Execution", StringComparer.Ordinal).ShouldBeTrue();
        titles.Contains("Gadget rule", StringComparer.Ordinal).ShouldBe(expectGadgetHit);
        result.Stderr.ShouldContain(strict ? "unknown logsource are skipped" : "unknown logsource run on every event");
    }
}
