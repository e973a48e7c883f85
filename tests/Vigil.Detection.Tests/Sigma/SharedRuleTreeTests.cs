using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Sigma;

public sealed class SharedRuleTreeTests
{
    [Fact]
    public void EveryRuleOfTheSharedSigmaTree_Loads()
    {
        var report = new SigmaRuleLoader().LoadPaths([TestPaths.SigmaRules]);
        report.FileCount.ShouldBeGreaterThanOrEqualTo(3780);
        report.Failures.ShouldBeEmpty(string.Join("\n", report.Failures.Take(20).Select(f => f.Diagnostic.ToString())));
        report.Rules.Count.ShouldBeGreaterThanOrEqualTo(3780);
    }

    [Fact]
    public void EveryRuleOfTheSharedSigmaTree_Compiles()
    {
        var report = new SigmaRuleLoader().LoadPaths([TestPaths.SigmaRules]);
        var engine = new DetectionEngineBuilder().UseLogsources(LogsourceMap.LoadDefault()).AddRules(report.Rules).Build();
        engine.Rules.Where(r => r.State == RuleState.Failed).Select(r => r.Rule.File).ShouldBeEmpty();
    }

    [Fact]
    public void Prefilter_GivesTheSameHitsAsEvaluatingEveryRule()
    {
        var report = new SigmaRuleLoader().LoadPaths([TestPaths.SigmaRules]);
        var map = LogsourceMap.LoadDefault();
        var fast = new DetectionEngineBuilder().UseLogsources(map).AddRules(report.Rules).Build();
        var slow = new DetectionEngineBuilder { DisablePrefilter = true }.UseLogsources(map).AddRules(report.Rules).Build();
        var windowsJson = Path.Combine(TestPaths.SharedData, "samples", "windows-json");
        var events = Directory.EnumerateFiles(windowsJson, "*.json*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(ReadFlatJsonLines)
            .ToList();
        events.Count.ShouldBeGreaterThan(550);
        var fastHits = 0;
        foreach (var fields in events)
        {
            var a = HitIds(fast, fields);
            var b = HitIds(slow, fields);
            a.ShouldBe(b);
            fastHits += a.Count;
        }

        fastHits.ShouldBeGreaterThan(0);
    }

    private static List<string> HitIds(DetectionEngine engine, List<(string Name, string Value)> fields)
    {
        var record = new EventRecord();
        record.Reset(engine.Schema);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        var hits = new List<DetectionHit>();
        engine.Match(record, engine.CreateScratch(), hits);
        return [.. hits.Select(h => h.Rule.Key).Order(StringComparer.Ordinal)];
    }

    private static List<List<(string Name, string Value)>> ReadFlatJsonLines(string path)
    {
        var result = new List<List<(string, string)>>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = System.Text.Json.JsonDocument.Parse(line);
            result.Add([.. doc.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))]);
        }

        return result;
    }
}
