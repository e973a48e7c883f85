using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Hunting;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;
using Vigil.Detection.Tests.Sigma;

namespace Vigil.Detection.Tests.Hunting;

public sealed class HuntRunnerTests
{
    [Fact]
    public void Run_ReportsRegexTimeoutsInItsStatistics()
    {
        var report = new SigmaRuleLoader().LoadText(RuleHarness.Rule("sel:\n    F|re: '^(a+)+\\1b$'\ncondition: sel"), "t.yml");
        var engine = new DetectionEngineBuilder().AddRules(report.Rules).Build();
        var hits = new Hits();
        var stats = new HuntRunner(engine, new HuntOptions { DegreeOfParallelism = 1 })
            .Run([new Source([new string('a', 40) + "c", "aab"])], hits, new Errors(), null, CancellationToken.None);

        stats.Events.ShouldBe(2);
        stats.Hits.ShouldBe(1);
        hits.Count.ShouldBe(1);
        stats.RegexTimeouts.ShouldBeGreaterThan(0);
        stats.CorrelationSkipped.ShouldBe(0);
    }

    [Fact]
    public void Run_InspectorPerWorker_SeesEveryEventAndItsHitsAreEmitted()
    {
        var report = new SigmaRuleLoader().LoadText(RuleHarness.Rule("sel:\n    F: aab\ncondition: sel"), "t.yml");
        var engine = new DetectionEngineBuilder().AddRules(report.Rules).Build();
        var hits = new Hits();
        var inspectors = new List<Inspector>();
        var options = new HuntOptions
        {
            DegreeOfParallelism = 2,
            InspectorFactory = () =>
            {
                var inspector = new Inspector();
                lock (inspectors)
                {
                    inspectors.Add(inspector);
                }

                return inspector;
            },
        };

        var stats = new HuntRunner(engine, options)
            .Run([new Source(["aab", "ioc", "x", "ioc"])], hits, new Errors(), null, CancellationToken.None);

        inspectors.Count.ShouldBe(2);
        inspectors.Sum(i => i.Seen).ShouldBe(4);
        stats.Hits.ShouldBe(3);
        hits.Titles.Order(StringComparer.Ordinal).ShouldBe(["Test rule", "indicator", "indicator"]);
    }

    private sealed class Inspector : IEventInspector
    {
        private static readonly SigmaRule Rule = new() { File = "indicators.csv", Title = "indicator" };

        public int Seen { get; private set; }

        public void Inspect(EventRecord record, ICollection<DetectionHit> hits)
        {
            Seen++;
            if (record.GetString("F") == "ioc")
            {
                hits.Add(new DetectionHit { Rule = Rule, Event = record.Snapshot() });
            }
        }
    }

    private sealed class Hits : IHitSink
    {
        public int Count { get; private set; }

        public List<string> Titles { get; } = [];

        public void OnHit(DetectionHit hit)
        {
            Count++;
            Titles.Add(hit.Rule.Title);
        }
    }

    private sealed class Errors : IReadErrorSink
    {
        public void OnError(ReadError error) => throw new InvalidOperationException(error.ToString());
    }

    private sealed class Source(string[] values) : IEventSource
    {
        public string Name => "memory";

        public IEnumerable<EventBatch> ReadBatches(IReadErrorSink errors, CancellationToken cancellationToken) => [new Batch(values)];
    }

    private sealed class Batch(string[] values) : EventBatch
    {
        public override void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
        {
            for (var i = 0; i < values.Length; i++)
            {
                scratch.Reset(schema);
                scratch.Add("F", values[i]);
                scratch.Location = i + 1;
                handler.OnEvent(scratch);
            }
        }
    }
}
