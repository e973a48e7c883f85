using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Builds one-rule engines from detection YAML and matches hand-made events.</summary>
internal static class RuleHarness
{
    public static string Rule(string detection, string extra = "")
        => $"""
           title: Test rule
           id: 5f0e1a52-8a4c-4a53-9d8e-0b8f2f1e0a01
           status: test
           level: high
           logsource:
               product: test
           {extra}
           detection:
           {Indent(detection)}
           """;

    private static string Indent(string text)
        => string.Join('\n', text.Split('\n').Select(l => "    " + l));

    public static DetectionEngine BuildEngine(string ruleYaml, SigmaLoadOptions? options = null)
    {
        var report = new SigmaRuleLoader(options).LoadText(ruleYaml, "test.yml");
        report.Failures.ShouldBeEmpty(string.Join("; ", report.Failures.Select(f => f.Diagnostic.ToString())));
        return new DetectionEngineBuilder().AddRules(report.Rules).Build();
    }

    public static EventRecord Event(DetectionEngine engine, params (string Name, string? Value)[] fields)
    {
        var record = new EventRecord();
        record.Reset(engine.Schema);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value ?? string.Empty, value is null ? FieldValueKind.Null : FieldValueKind.String);
        }

        return record;
    }

    public static List<DetectionHit> Hits(DetectionEngine engine, EventRecord record)
    {
        var hits = new List<DetectionHit>();
        engine.Match(record, engine.CreateScratch(), hits);
        return hits;
    }

    public static bool Matches(string detection, params (string Name, string? Value)[] fields)
    {
        var engine = BuildEngine(Rule(detection));
        return Hits(engine, Event(engine, fields)).Count > 0;
    }

    public static RuleDiagnostic LoadError(string ruleYaml)
    {
        var report = new SigmaRuleLoader().LoadText(ruleYaml, "bad.yml");
        report.Rules.ShouldBeEmpty();
        report.Failures.Count.ShouldBe(1);
        return report.Failures[0].Diagnostic;
    }
}
