using Vigil.Detection.Correlation;
using static Vigil.Detection.Tests.Correlation.CorrelationTestKit;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationEngineTests
{
    private const string EventCount3 = "correlation:\n  type: event_count\n  rules: [failed]\n  group-by: [User]\n  timespan: 10s\n  condition: {gte: 3}\n";

    [Fact]
    public void Complete_EventCountExactlyTimespanApart_Fires()
    {
        var engine = NewEngine(EventCount3);
        engine.Add("failed", null, Event(Sec(0), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(5), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(10), ("User", "bob")));

        var match = engine.Complete().ShouldHaveSingleItem();

        match.Value.ShouldBe(3);
        match.Group.ShouldBe([new KeyValuePair<string, string>("User", "bob")]);
        match.FirstTimeTicks.ShouldBe(Sec(0));
        match.LastTimeTicks.ShouldBe(Sec(10));
        match.FirstTime.ShouldBe(new DateTimeOffset(Sec(0), TimeSpan.Zero));
        match.EventCount.ShouldBe(3);
        match.Rule.Id.ShouldBe("corr-1");
    }

    [Fact]
    public void Complete_EventCountOneTickBeyondTimespan_DoesNotFire()
    {
        var engine = NewEngine(EventCount3);
        engine.Add("failed", null, Event(Sec(0), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(5), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(10) + 1, ("User", "bob")));

        engine.Complete().ShouldBeEmpty();
    }

    [Fact]
    public void Complete_EventCountOneBelowThreshold_DoesNotFire()
    {
        var engine = NewEngine(EventCount3);
        engine.Add("failed", null, Event(Sec(0), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(1), ("User", "bob")));
        engine.Add("failed", null, Event(Sec(2), ("User", "alice")));

        engine.Complete().ShouldBeEmpty();
    }

    [Fact]
    public void Complete_RuleReferencedByName_Counts()
    {
        var engine = NewEngine(EventCount3);
        for (var i = 0; i < 3; i++)
        {
            engine.Add("5638f7c0-ac70-491d-8465-2a65075e0d86", "failed", Event(Sec(i), ("User", "bob")));
        }

        engine.Add("other-rule", "other", Event(Sec(3), ("User", "bob")));

        engine.Complete().ShouldHaveSingleItem().EventCount.ShouldBe(3);
    }

    [Fact]
    public void Complete_FiredWindow_NextWindowStartsAfterItsLastEvent()
    {
        var engine = NewEngine(EventCount3);
        foreach (var s in new[] { 0, 1, 2, 3, 4, 20, 21, 22 })
        {
            engine.Add("failed", null, Event(Sec(s), ("User", "bob")));
        }

        var matches = engine.Complete();

        matches.Count.ShouldBe(2);
        matches[0].EventCount.ShouldBe(5);
        matches[1].FirstTimeTicks.ShouldBe(Sec(20));
        matches[1].EventCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("lt: 3", new[] { 0, 1 }, 1)]
    [InlineData("lt: 3", new[] { 0, 1, 2 }, 0)]
    [InlineData("lte: 2", new[] { 0, 1 }, 1)]
    [InlineData("eq: 2", new[] { 0, 1 }, 1)]
    [InlineData("eq: 2", new[] { 0, 1, 2 }, 0)]
    [InlineData("neq: 3", new[] { 0, 1, 2 }, 0)]
    [InlineData("gt: 1\n    lt: 3", new[] { 0, 1 }, 1)]
    public void Complete_EventCountOtherOperators_FireOnWindowCount(string condition, int[] seconds, int expected)
    {
        var engine = NewEngine($"correlation:\n  type: event_count\n  rules: [failed]\n  timespan: 10s\n  condition:\n    {condition}\n");
        foreach (var s in seconds)
        {
            engine.Add("failed", null, Event(Sec(s)));
        }

        engine.Complete().Count.ShouldBe(expected);
    }

    [Fact]
    public void Complete_ValueCount_CountsDistinctValuesCaseSensitively()
    {
        var yaml = "correlation:\n  type: value_count\n  rules: [failed]\n  group-by: [Host]\n  timespan: 10s\n  condition: {field: User, gte: 3}\n";
        var fires = NewEngine(yaml);
        fires.Add("failed", null, Event(Sec(0), ("Host", "h1"), ("User", "alice")));
        fires.Add("failed", null, Event(Sec(4), ("Host", "h1"), ("User", "ALICE")));
        fires.Add("failed", null, Event(Sec(10), ("Host", "h1"), ("User", "bob")));
        var quiet = NewEngine(yaml);
        quiet.Add("failed", null, Event(Sec(0), ("Host", "h1"), ("User", "alice")));
        quiet.Add("failed", null, Event(Sec(4), ("Host", "h1"), ("User", "alice")));
        quiet.Add("failed", null, Event(Sec(10), ("Host", "h1"), ("User", "bob")));
        quiet.Add("failed", null, Event(Sec(11), ("Host", "h1")));

        fires.Complete().ShouldHaveSingleItem().Value.ShouldBe(3);
        quiet.Complete().ShouldBeEmpty();
        quiet.MissingValueFieldCount.ShouldBe(1);
    }

    [Fact]
    public void Complete_ValueCountBeyondTimespan_DoesNotFire()
    {
        var engine = NewEngine("correlation:\n  type: value_count\n  rules: [failed]\n  timespan: 10s\n  condition: {field: User, gte: 3}\n");
        engine.Add("failed", null, Event(Sec(0), ("User", "a")));
        engine.Add("failed", null, Event(Sec(4), ("User", "b")));
        engine.Add("failed", null, Event(Sec(10) + 1, ("User", "c")));

        engine.Complete().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(10.0000001, false)]
    public void Complete_TemporalAllRulesWithinTimespan_FiresAtTheBoundary(double lastSecond, bool fires)
    {
        var engine = NewEngine("correlation:\n  type: temporal\n  rules: [a, b, c]\n  group-by: [Host]\n  timespan: 10s\n");
        engine.Add("c", null, Event(Sec(0), ("Host", "h")));
        engine.Add("a", null, Event(Sec(3), ("Host", "h")));
        engine.Add("b", null, Event(Sec(lastSecond), ("Host", "h")));

        var matches = engine.Complete();

        matches.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            matches[0].Value.ShouldBe(3);
        }
    }

    [Fact]
    public void Complete_TemporalMissingOneRule_DoesNotFire()
    {
        var engine = NewEngine("correlation:\n  type: temporal\n  rules: [a, b, c]\n  timespan: 10s\n");
        engine.Add("a", null, Event(Sec(0)));
        engine.Add("b", null, Event(Sec(1)));
        engine.Add("b", null, Event(Sec(2)));

        engine.Complete().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 5, true)]
    [InlineData(5, 0, false)]
    [InlineData(3, 3, true)]
    [InlineData(0, 10, true)]
    [InlineData(0, 10.0000001, false)]
    public void Complete_TemporalOrdered_RequiresTheListedOrder(double firstA, double thenB, bool fires)
    {
        var engine = NewEngine("correlation:\n  type: temporal_ordered\n  rules: [a, b]\n  group-by: [User]\n  timespan: 10s\n");
        engine.Add("b", null, Event(Sec(thenB), ("User", "u")));
        engine.Add("a", null, Event(Sec(firstA), ("User", "u")));

        engine.Complete().Count.ShouldBe(fires ? 1 : 0);
    }

    [Fact]
    public void Complete_TemporalOrderedWithNoiseBetween_FindsTheChain()
    {
        var engine = NewEngine("correlation:\n  type: temporal_ordered\n  rules: [a, b, c]\n  timespan: 1m\n");
        engine.Add("c", null, Event(Sec(1)));
        engine.Add("a", null, Event(Sec(2)));
        engine.Add("c", null, Event(Sec(3)));
        engine.Add("b", null, Event(Sec(4)));
        engine.Add("a", null, Event(Sec(5)));
        engine.Add("c", null, Event(Sec(6)));

        var match = engine.Complete().ShouldHaveSingleItem();

        match.Value.ShouldBe(3);
        match.FirstTimeTicks.ShouldBe(Sec(1));
    }

    [Theory]
    [InlineData(60, 50, true)]
    [InlineData(60, 40, false)]
    public void Complete_ValueSum_ComparesTheSum(int first, int second, bool fires)
    {
        var engine = NewEngine("correlation:\n  type: value_sum\n  rules: [web]\n  group-by: [SourceIP]\n  timespan: 1h\n  condition: {field: bytes, gt: 100}\n");
        engine.Add("web", null, Event(Sec(0), ("SourceIP", "10.0.0.1"), ("bytes", first.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        engine.Add("web", null, Event(Sec(3600), ("SourceIP", "10.0.0.1"), ("bytes", second.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        engine.Add("web", null, Event(Sec(10), ("SourceIP", "10.0.0.1"), ("bytes", "lots")));

        var matches = engine.Complete();

        matches.Count.ShouldBe(fires ? 1 : 0);
        engine.NonNumericValueCount.ShouldBe(1);
        if (fires)
        {
            matches[0].Value.ShouldBe(110);
            matches[0].EventCount.ShouldBe(2);
        }
    }

    [Theory]
    [InlineData("40", "60", true)]
    [InlineData("40", "59.5", false)]
    public void Complete_ValueAvg_ComparesTheMean(string first, string second, bool fires)
    {
        var engine = NewEngine("correlation:\n  type: value_avg\n  rules: [net]\n  timespan: 1m\n  condition: {field: BytesOut, gte: 50}\n");
        engine.Add("net", null, Event(Sec(0), ("BytesOut", first)));
        engine.Add("net", null, Event(Sec(60), ("BytesOut", second)));

        var matches = engine.Complete();

        matches.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            matches[0].Value.ShouldBe(50);
        }
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(8, false)]
    public void Complete_ValuePercentile_FiresForARareValue(int common, bool fires)
    {
        var engine = NewEngine("correlation:\n  type: value_percentile\n  rules: [proc]\n  group-by: [ComputerName]\n  timespan: 24h\n  condition: {field: image, lte: 10}\n");
        for (var i = 0; i < common; i++)
        {
            engine.Add("proc", null, Event(Sec(i), i, ("ComputerName", "pc"), ("image", "svchost.exe")));
        }

        engine.Add("proc", null, Event(Sec(100), 100, ("ComputerName", "pc"), ("image", "evil.exe")));

        var matches = engine.Complete();

        matches.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            matches[0].FieldValue.ShouldBe("evil.exe");
            matches[0].Value.ShouldBe(10);
            matches[0].EventCount.ShouldBe(1);
            matches[0].Events.ShouldHaveSingleItem().Location.ShouldBe(100);
        }
    }

    [Fact]
    public void Complete_ValuePercentileSeveralRareValues_ReportsOneMatchPerValue()
    {
        var engine = NewEngine("correlation:\n  type: value_percentile\n  rules: [proc]\n  timespan: 1h\n  condition: {field: image, lt: 20}\n");
        string[] images = ["a.exe", "a.exe", "a.exe", "a.exe", "a.exe", "a.exe", "a.exe", "a.exe", "z.exe", "b.exe"];
        for (var i = 0; i < images.Length; i++)
        {
            engine.Add("proc", null, Event(Sec(i), i, ("image", images[i])));
        }

        var matches = engine.Complete();

        matches.Select(m => m.FieldValue).ShouldBe(["z.exe", "b.exe"]);
        matches.ShouldAllBe(m => m.Value == 10);
    }

    [Fact]
    public void Complete_TemporalWithCondition_CountsDistinctRules()
    {
        var engine = NewEngine("correlation:\n  type: temporal\n  rules: [a, b, c]\n  timespan: 10s\n  condition: {gte: 2}\n");
        engine.Add("a", null, Event(Sec(0)));
        engine.Add("a", null, Event(Sec(1)));
        engine.Add("c", null, Event(Sec(2)));

        engine.Complete().ShouldHaveSingleItem().Value.ShouldBe(2);
    }

    [Fact]
    public void Complete_GroupBySeveralFields_KeepsGroupsApartInOrder()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [failed]\n  group-by: [Computer, User]\n  timespan: 1m\n  condition: {gte: 2}\n");
        engine.Add("failed", null, Event(Sec(0), ("User", "bob"), ("Computer", "pc1")));
        engine.Add("failed", null, Event(Sec(1), ("User", "bob"), ("Computer", "pc2")));
        engine.Add("failed", null, Event(Sec(2), ("User", "eve"), ("Computer", "pc1")));
        engine.Add("failed", null, Event(Sec(3), ("User", "bob"), ("Computer", "pc1")));
        engine.Add("failed", null, Event(Sec(4), ("Computer", "pc1")));

        var match = engine.Complete().ShouldHaveSingleItem();

        match.Group.ShouldBe([new KeyValuePair<string, string>("Computer", "pc1"), new KeyValuePair<string, string>("User", "bob")]);
        engine.MissingGroupFieldCount.ShouldBe(1);
    }

    [Fact]
    public void Complete_Aliases_GroupDifferentFieldsTogether()
    {
        var engine = new CorrelationEngine([Binding("corr-1", null, """
            correlation:
                type: temporal
                rules: [internal_error, new_network_connection]
                group-by: [internal_ip, remote_ip]
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            """)]);
        engine.Add("id-1", "internal_error", Event(Sec(0), ("destination.ip", "10.0.0.5"), ("source.ip", "203.0.113.9")));
        engine.Add("id-2", "new_network_connection", Event(Sec(4), ("source.ip", "10.0.0.5"), ("destination.ip", "203.0.113.9")));
        engine.Add("id-2", "new_network_connection", Event(Sec(5), ("source.ip", "10.0.0.6"), ("destination.ip", "203.0.113.9")));

        var match = engine.Complete().ShouldHaveSingleItem();

        match.Group.ShouldBe([new KeyValuePair<string, string>("internal_ip", "10.0.0.5"), new KeyValuePair<string, string>("remote_ip", "203.0.113.9")]);
        match.EventCount.ShouldBe(2);
    }

    [Fact]
    public void Add_UnknownTime_IsCountedAndSkipped()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [failed]\n  timespan: 10s\n  condition: {gte: 1}\n");
        engine.Add("failed", null, Event(0));
        engine.Add("unrelated", null, Event(0));

        engine.Complete().ShouldBeEmpty();
        engine.UnknownTimeEventCount.ShouldBe(1);
    }

    [Fact]
    public void Complete_ManyEvents_KeepsTheEarliestUpToTheLimit()
    {
        var engine = NewEngine("correlation:\n  type: event_count\n  rules: [noisy]\n  timespan: 1h\n  condition: {gte: 1}\n");
        for (var i = 149; i >= 0; i--)
        {
            engine.Add("noisy", null, Event(Sec(i), i));
        }

        var match = engine.Complete().ShouldHaveSingleItem();

        match.EventCount.ShouldBe(150);
        match.Events.Count.ShouldBe(CorrelationEngineOptionsDefaults.MaxEventsPerMatch);
        match.EventsTruncated.ShouldBeTrue();
        match.Events[0].Location.ShouldBe(0);
        match.Events[^1].Location.ShouldBe(99);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var binding = Binding("c", null, EventCount3);

        Should.Throw<ArgumentOutOfRangeException>(() => new CorrelationEngine([binding], new CorrelationEngineOptions { MaxEventsPerMatch = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(
            () => new CorrelationEngine([binding], new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromSeconds(-1) }));
    }

    private static class CorrelationEngineOptionsDefaults
    {
        public static readonly int MaxEventsPerMatch = new CorrelationEngineOptions().MaxEventsPerMatch;
    }
}
