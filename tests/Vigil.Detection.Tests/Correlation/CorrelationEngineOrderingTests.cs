using System.Globalization;
using Vigil.Core.Events;
using Vigil.Detection.Correlation;
using static Vigil.Detection.Tests.Correlation.CorrelationTestKit;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationEngineOrderingTests
{
    public static TheoryData<string> AllTypes => new()
    {
        "type: event_count\n  rules: [a, b]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 6}",
        "type: value_count\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 5m\n  condition: {field: Value, gte: 4}",
        "type: temporal\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 2m",
        "type: temporal_ordered\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 3m",
        "type: value_sum\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 5m\n  condition: {field: Num, gt: 400}",
        "type: value_avg\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 5m\n  condition: {field: Num, gte: 70}",
        "type: value_percentile\n  rules: [a, b, c]\n  group-by: [User]\n  timespan: 10m\n  condition: {field: Value, lte: 8}",
        "type: event_count\n  rules: [a, b, c]\n  timespan: 1m\n  condition: {lt: 3}",
    };

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Complete_ShuffledInput_GivesTheSameMatchesAsSortedInput(string body)
    {
        var hits = Hits(seed: 1);
        var sorted = Run(body, hits.OrderBy(h => h.Event.TimestampTicks).ThenBy(h => h.Event.Location));

        sorted.ShouldNotBeEmpty();
        foreach (var seed in new[] { 7, 42, 12345 })
        {
            var shuffled = hits.ToArray();
            new Random(seed).Shuffle(shuffled);
            Run(body, shuffled).ShouldBe(sorted, $"shuffle seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Advance_StreamWithinLateness_GivesTheSameMatchesAsBatch(string body)
    {
        var hits = Hits(seed: 2);
        var batch = Run(body, hits);
        var maxDelay = TimeSpan.FromSeconds(90);
        var random = new Random(99);
        var arrivals = hits
            .Select(h => (Hit: h, Arrival: h.Event.TimestampTicks + (long)(random.NextDouble() * maxDelay.Ticks)))
            .OrderBy(a => a.Arrival)
            .ToList();
        var engine = new CorrelationEngine([Binding("corr-1", null, "correlation:\n  " + body + "\n")],
            new CorrelationEngineOptions { AllowedLateness = maxDelay });
        var streamed = new List<CorrelationMatch>();
        var peak = 0;

        foreach (var (hit, arrival) in arrivals)
        {
            engine.Add(hit.Rule, null, hit.Event);
            streamed.AddRange(engine.Advance(arrival));
            peak = Math.Max(peak, engine.BufferedEventCount);
        }

        streamed.AddRange(engine.Complete());

        engine.LateEventCount.ShouldBe(0);
        Describe(streamed).Order(StringComparer.Ordinal).ShouldBe(batch.Order(StringComparer.Ordinal));
        peak.ShouldBeLessThan(hits.Count / 2);
    }

    [Fact]
    public void Advance_WindowStillOpen_ReportsNothingUntilItCloses()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 10s\n  condition: {gte: 3}\n",
            new CorrelationEngineOptions { AllowedLateness = TimeSpan.Zero });
        engine.Add("a", null, Event(Sec(0)));
        engine.Add("a", null, Event(Sec(1)));
        engine.Add("a", null, Event(Sec(2)));

        engine.Advance(Sec(10)).ShouldBeEmpty();
        engine.Advance(Sec(10) + 1).ShouldHaveSingleItem().EventCount.ShouldBe(3);
        engine.Complete().ShouldBeEmpty();
        engine.BufferedEventCount.ShouldBe(0);
    }

    [Fact]
    public void Add_LateEvent_IsDroppedAndCounted()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 10s\n  condition: {gte: 1}\n",
            new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromMinutes(1) });
        engine.Advance(Sec(600)).ShouldBeEmpty();

        engine.Add("a", null, Event(Sec(539)));
        engine.Add("a", null, Event(Sec(540)));

        engine.LateEventCount.ShouldBe(1);
        engine.Advance(Sec(611)).ShouldHaveSingleItem().FirstTimeTicks.ShouldBe(Sec(540));
    }

    [Fact]
    public void Advance_LateButWithinBound_IsStillCorrelated()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 10s\n  condition: {gte: 3}\n",
            new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromSeconds(30) });
        engine.Add("a", null, Event(Sec(100)));
        engine.Add("a", null, Event(Sec(105)));
        engine.Advance(Sec(120)).ShouldBeEmpty();

        engine.Add("a", null, Event(Sec(95)));

        engine.LateEventCount.ShouldBe(0);
        var match = engine.Advance(Sec(200)).ShouldHaveSingleItem();
        match.FirstTimeTicks.ShouldBe(Sec(95));
        match.EventCount.ShouldBe(3);
    }

    [Fact]
    public void Advance_LongStream_KeepsOnlyWindowPlusLatenessInMemory()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [a]\n  group-by: [User]\n  timespan: 1m\n  condition: {gte: 1000}\n",
            new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromMinutes(1) });
        var peak = 0;

        for (var i = 0; i < 5000; i++)
        {
            engine.Add("a", null, Event(Sec(i), ("User", "u" + (i % 3).ToString(CultureInfo.InvariantCulture))));
            engine.Advance(Sec(i)).ShouldBeEmpty();
            peak = Math.Max(peak, engine.BufferedEventCount);
        }

        peak.ShouldBeLessThanOrEqualTo(125);
        engine.Complete().ShouldBeEmpty();
    }

    [Fact]
    public void Advance_LowerWatermark_IsIgnored()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 10s\n  condition: {gte: 1}\n",
            new CorrelationEngineOptions { AllowedLateness = TimeSpan.Zero });
        engine.Advance(Sec(100));
        engine.Advance(Sec(50));

        engine.WatermarkTicks.ShouldBe(Sec(100));
    }

    private static List<string> Run(string body, IEnumerable<(string Rule, EventRecord Event)> hits)
    {
        var engine = new CorrelationEngine([Binding("corr-1", null, "correlation:\n  " + body + "\n")]);
        foreach (var (rule, record) in hits)
        {
            engine.Add(rule, null, record);
        }

        return Describe(engine.Complete());
    }

    /// <summary>Hits spread over two hours on whole seconds (many equal times), with a few exact duplicates.</summary>
    private static List<(string Rule, EventRecord Event)> Hits(int seed)
    {
        var random = new Random(seed);
        var hits = new List<(string Rule, EventRecord Event)>();
        string[] rules = ["a", "b", "c"];
        for (var i = 0; i < 600; i++)
        {
            var second = random.Next(0, 7200);
            if (random.Next(4) == 0 && hits.Count > 0)
            {
                second = (int)((hits[^1].Event.TimestampTicks - T0) / TimeSpan.TicksPerSecond);
            }

            var record = Event(Sec(second), i,
                ("User", "u" + random.Next(0, 3).ToString(CultureInfo.InvariantCulture)),
                ("Value", "v" + random.Next(0, 12).ToString(CultureInfo.InvariantCulture)),
                ("Num", random.Next(0, 150).ToString(CultureInfo.InvariantCulture)));
            var rule = rules[random.Next(rules.Length)];
            hits.Add((rule, record));
            if (i % 50 == 0)
            {
                hits.Add((rule, record));
            }
        }

        return hits;
    }
}
