using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>README's main command, on the data the project ships: rule hits, indicator hits, model findings, the resolution report.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Hunt_SampleEventsWithStarterRulesAndDemoContext()
    {
        var result = VigilCli.Run(
            "hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"), "--context", RepoPaths.Repo("samples", "context"),
            "--models", RepoPaths.Repo("models"), "--format", "jsonl");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var titles = lines.Where(l => l.TryGetProperty("rule", out _)).Select(l => l.GetProperty("rule").GetProperty("title").GetString()!).ToList();
        var findings = lines.Where(l => l.TryGetProperty("model", out _)).Select(l => l.GetProperty("explanation").GetProperty("text").GetString()!).ToList();
        findings.ShouldContain(f => f.StartsWith("tnguyen was added to Administrators by adm-rpatel", StringComparison.Ordinal));
        var indicatorHits = titles.Count(t => t.StartsWith("Threat indicator: ", StringComparison.Ordinal));
        (titles.Count - indicatorHits).ShouldBe(47, "the starter rules' hits on the sample events (tests/TestData)");
        indicatorHits.ShouldBeGreaterThanOrEqualTo(4);
        titles.ShouldContain("Threat indicator: URL http://198.51.100.61/tools/svc.exe (Demo ISAC)", StringComparer.Ordinal);
        titles.ShouldNotContain(t => t.Contains("evil-updates.example", StringComparison.Ordinal), "that indicator expired before the events");
        result.Stderr.ShouldContain("Identity and asset resolution, per source:");
        result.Stderr.ShouldContain("unresolved users: tnguyen@corp.example");
        result.Stderr.ShouldContain("context ");
    }
}
