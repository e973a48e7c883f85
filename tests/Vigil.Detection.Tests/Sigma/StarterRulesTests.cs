using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Every rule the project ships fires exactly on the sample events listed in tests/TestData.</summary>
public sealed class StarterRulesTests
{
    private static readonly string Root = TestPaths.RepoRoot;

    [Fact]
    public void StarterRules_AllLoad_AndResolveTheirLogsource()
    {
        var report = new SigmaRuleLoader().LoadPaths([Path.Combine(Root, "rules")]);
        report.Failures.ShouldBeEmpty(string.Join("; ", report.Failures.Select(f => f.Diagnostic.ToString())));
        var engine = new DetectionEngineBuilder().UseLogsources(LogsourceMap.LoadDefault()).AddRules(report.Rules).Build();
        engine.Rules.Where(r => r.State != RuleState.Active || !r.LogsourceKnown).Select(r => r.Rule.File).ShouldBeEmpty();
    }

    [Fact]
    public void StarterRules_FireExactlyOnTheExpectedSampleLines()
    {
        var (hits, correlations) = Hunt();
        var expected = ReadTsv("starter-rules.expected.tsv").Select(r => (r["rule_id"], int.Parse(r["line"], System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        var actual = hits.Select(h => (h.Rule.Id!, (int)h.Event.Location)).ToHashSet();
        actual.Except(expected).ShouldBeEmpty("unexpected hits");
        expected.Except(actual).ShouldBeEmpty("missed hits");
        foreach (var negative in ReadTsv("starter-rules.negative.tsv"))
        {
            actual.ShouldNotContain((negative["rule_id"], int.Parse(negative["line"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var expectedCorrelations = ReadTsv("starter-correlations.expected.tsv");
        correlations.Count.ShouldBe(expectedCorrelations.Count);
        foreach (var row in expectedCorrelations)
        {
            var hit = correlations.Single(c => c.Rule.Id == row["rule_id"]);
            string.Join(';', hit.Group.Select(g => $"{g.Key}={g.Value}")).ShouldBe(row["group"]);
            hit.Value.ShouldBe(double.Parse(row["count"], System.Globalization.CultureInfo.InvariantCulture));
            hit.CorrelatedEvents.Select(e => (int)e.Location).Order().ShouldBe(row["event_lines"].Split(',').Select(int.Parse));
        }
    }

    [Fact]
    public void StarterRules_HitsCarryAttackMapping()
    {
        var (hits, _) = Hunt();
        hits.ShouldAllBe(h => h.Attack.Tactics.Count > 0 || h.Rule.Tags.Count == 0);
    }

    private static (List<DetectionHit> Hits, List<DetectionHit> Correlations) Hunt()
    {
        var report = new SigmaRuleLoader().LoadPaths([Path.Combine(Root, "rules")]);
        var attackDir = AttackCatalog.FindDefaultDirectory();
        var engine = new DetectionEngineBuilder()
            .UseLogsources(LogsourceMap.LoadDefault())
            .UseAttack(attackDir is null ? AttackCatalog.BuiltIn : AttackCatalog.Load(attackDir))
            .AddRules(report.Rules)
            .Build();
        var scratch = engine.CreateScratch();
        var all = new List<DetectionHit>();
        var correlation = engine.CreateCorrelationEngine().ShouldNotBeNull();
        var line = 0;
        foreach (var text in File.ReadLines(Path.Combine(Root, "samples", "events.ndjson")))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var record = new EventRecord();
            record.Reset(engine.Schema);
            using (var doc = JsonDocument.Parse(text))
            {
                Flatten(record, string.Empty, doc.RootElement);
            }

            record.Location = line;
            record.TimestampTicks = EventTimestamp.TryGetFromEvent(record, out var ticks) ? ticks : 0;
            var hits = new List<DetectionHit>();
            engine.Match(record, scratch, hits);
            foreach (var hit in hits)
            {
                correlation.Add(hit.Rule.Id!, hit.Rule.Name, hit.Event);
            }

            all.AddRange(hits.Where(DetectionEngine.IsEmitted));
        }

        var correlations = correlation.Complete().Select(m => new DetectionHit
        {
            Rule = m.Rule, Group = m.Group, Value = m.Value, Event = m.Events[^1], CorrelatedEvents = m.Events,
        }).ToList();
        return (all, correlations);
    }

    private static void Flatten(EventRecord record, string prefix, JsonElement element)
    {
        foreach (var p in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
            AddValue(record, name, p.Value);
        }
    }

    private static void AddValue(EventRecord record, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Flatten(record, name, value);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddValue(record, name, item);
                }

                break;
            case JsonValueKind.String:
                record.Add(name, value.GetString());
                break;
            case JsonValueKind.Null:
                record.Add(name, string.Empty, FieldValueKind.Null);
                break;
            case JsonValueKind.True:
                record.Add(name, "true", FieldValueKind.True);
                break;
            case JsonValueKind.False:
                record.Add(name, "false", FieldValueKind.False);
                break;
            default:
                record.Add(name, value.GetRawText(), FieldValueKind.Number);
                break;
        }
    }

    private static List<Dictionary<string, string>> ReadTsv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "tests", "TestData", name)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }
}
