using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Engine;

/// <summary>
/// The prefilter is shared by every logsource bucket (one automaton per field): an event must get the candidates of
/// each bucket it belongs to, and never those of a bucket it does not belong to, even when the needle is in one of
/// its fields.
/// </summary>
public sealed class SharedPrefilterTests
{
    private static readonly LogsourceMap Map = LogsourceMap.Parse(
        """
        logsources:
          - product: p
            category: a
            variants:
              - name: va
                conditions: { Kind: [a] }
          - product: p
            category: b
            variants:
              - name: vb
                conditions: { Tag: [b] }
          - product: p
            category: c
            variants:
              - name: vc
                conditions: { Kind: [c] }
                fields: { Image: Target }
        """,
        "inline.yaml");

    private static DetectionEngine Build(bool prefilter)
    {
        var loader = new SigmaRuleLoader();
        var rules = new List<SigmaRule>();
        foreach (var (title, logsource, detection) in new[]
        {
            ("rule-a", "product: p\n  category: a", "sel:\n    Image|contains: evil"),
            ("rule-b", "product: p\n  category: b", "sel:\n    Image|endswith: '\\evil.exe'"),
            ("rule-c", "product: p\n  category: c", "sel:\n    Image|contains: evil"),
            ("rule-any", "product: unknown", "sel:\n    Image|contains: 'evil.e'"),
            ("rule-keyword", "product: p\n  category: b", "keywords:\n    - 'dropper'"),
        })
        {
            var yaml = $"title: {title}\nid: {title}\nlogsource:\n  {logsource}\ndetection:\n  {detection}\n  condition: {detection[..detection.IndexOf(':', StringComparison.Ordinal)]}\n";
            rules.AddRange(loader.LoadText(yaml, title + ".yml").Rules);
        }

        return new DetectionEngineBuilder { DisablePrefilter = !prefilter }.UseLogsources(Map).AddRules(rules).Build();
    }

    private static string[] Hits(DetectionEngine engine, params (string Name, string Value)[] fields)
    {
        var record = new EventRecord();
        record.Reset(engine.Schema);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        var hits = new List<DetectionHit>();
        engine.Match(record, engine.CreateScratch(), hits);
        return [.. hits.Select(h => h.Rule.Title)];
    }

    public static TheoryData<string[]> Events => new()
    {
        // In two variants at once (and the universal bucket): every bucket gets its candidates from one pass.
        new[] { "Kind=a", "Tag=b", "Image=C:\\x\\EVIL.exe" },
        // Needle present, but the event belongs to no bucket with that rule (only the universal one applies).
        new[] { "Kind=z", "Image=C:\\x\\evil.exe" },
        // The variant maps Image to Target: the needle of rule-c is on Target, not on Image.
        new[] { "Kind=c", "Image=evil", "Target=good" },
        new[] { "Kind=c", "Image=good", "Target=evil" },
        // Keyword needle of bucket vb, in an event of va only, then of vb.
        new[] { "Kind=a", "Image=dropper" },
        new[] { "Tag=b", "Image=dropper" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void SharedPrefilter_GivesTheSameHitsAsEvaluatingEveryRule(string[] fields)
    {
        var pairs = fields.Select(f => (f[..f.IndexOf('=', StringComparison.Ordinal)], f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToArray();
        Hits(Build(prefilter: true), pairs).ShouldBe(Hits(Build(prefilter: false), pairs));
    }

    [Fact]
    public void SharedPrefilter_RunsEachBucketThatApplies_AndNoOther()
    {
        var engine = Build(prefilter: true);
        Hits(engine, ("Kind", "a"), ("Tag", "b"), ("Image", "C:\\x\\EVIL.exe")).ShouldBe(["rule-any", "rule-a", "rule-b"]);
        Hits(engine, ("Kind", "z"), ("Image", "C:\\x\\evil.exe")).ShouldBe(["rule-any"]);
        Hits(engine, ("Kind", "c"), ("Image", "evil"), ("Target", "good")).ShouldBeEmpty();
        Hits(engine, ("Kind", "c"), ("Image", "good"), ("Target", "evil")).ShouldBe(["rule-c"]);
        Hits(engine, ("Kind", "a"), ("Image", "dropper")).ShouldBeEmpty();
        Hits(engine, ("Tag", "b"), ("Image", "dropper")).ShouldBe(["rule-keyword"]);
    }
}
