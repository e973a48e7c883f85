using Vigil.Detection.Correlation;
using static Vigil.Detection.Tests.Correlation.CorrelationTestKit;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationEngineChainingTests
{
    private const string Outer = """
        correlation:
            type: temporal_ordered
            rules:
                - multiple_failed_login
                - successful_login
            group-by:
                - User
            timespan: 10m
        """;

    private const string Inner = """
        correlation:
            type: event_count
            rules:
                - failed_login
            group-by:
                - User
            timespan: 10m
            condition:
                gte: 3
        """;

    [Fact]
    public void Complete_FailedLoginsThenSuccess_FiresTheOuterCorrelationOnly()
    {
        var engine = Chain(Outer);
        Feed(engine, successAt: 60);

        var match = engine.Complete().ShouldHaveSingleItem();

        match.Rule.Id.ShouldBe("b180ead8-d58f-40b2-ae54-c8940995b9b6");
        match.Group.ShouldBe([new KeyValuePair<string, string>("User", "bob")]);
        match.Value.ShouldBe(2);
        match.Events[0].SourceName.ShouldBe("correlation:a8418a5a-5fc4-46b5-b23b-6c73beb19d41");
        match.Events[0].GetString("User").ShouldBe("bob");
    }

    [Fact]
    public void Complete_SuccessBeforeFailures_DoesNotFire()
    {
        var engine = Chain(Outer);
        Feed(engine, successAt: -5);

        engine.Complete().ShouldBeEmpty();
    }

    [Fact]
    public void Complete_GenerateTrue_AlsoReportsTheReferencedCorrelation()
    {
        var engine = Chain(Outer + "\n    generate: true");
        Feed(engine, successAt: 60);

        var matches = engine.Complete();

        matches.Select(m => m.Rule.Name).ShouldBe(["multiple_failed_login", null]);
    }

    [Fact]
    public void Advance_Chain_GivesTheSameMatchesAsBatch()
    {
        var batch = Chain(Outer);
        Feed(batch, successAt: 60);
        var streaming = Chain(Outer, new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromSeconds(5) });
        var streamed = new List<CorrelationMatch>();

        foreach (var second in new[] { 0, 10, 20, 60 })
        {
            streaming.Add(second == 60 ? "4d0a2c83" : "53ba33fd", second == 60 ? "successful_login" : "failed_login", Event(Sec(second), ("User", "bob")));
            streamed.AddRange(streaming.Advance(Sec(second)));
        }

        streamed.AddRange(streaming.Advance(Sec(3600)));
        streaming.Complete().ShouldBeEmpty();

        Describe(streamed).ShouldBe(Describe(batch.Complete()));
        streamed.ShouldHaveSingleItem();
    }

    [Fact]
    public void Constructor_CorrelationsInACycle_Throws()
    {
        var a = Binding("a", "corr_a", "correlation:\n  type: temporal\n  rules: [corr_b, x]\n  timespan: 5m\n");
        var b = Binding("b", "corr_b", "correlation:\n  type: temporal\n  rules: [corr_a, y]\n  timespan: 5m\n");

        Should.Throw<ArgumentException>(() => new CorrelationEngine([a, b])).Message.ShouldContain("cycle");
    }

    [Fact]
    public void Constructor_SelfReference_Throws()
    {
        var a = Binding("a", "corr_a", "correlation:\n  type: event_count\n  rules: [corr_a]\n  timespan: 5m\n  condition: {gte: 2}\n");

        Should.Throw<ArgumentException>(() => new CorrelationEngine([a]));
    }

    private static CorrelationEngine Chain(string outer, CorrelationEngineOptions? options = null)
        => new(
            [
                Binding("b180ead8-d58f-40b2-ae54-c8940995b9b6", null, outer),
                Binding("a8418a5a-5fc4-46b5-b23b-6c73beb19d41", "multiple_failed_login", Inner),
            ],
            options);

    private static void Feed(CorrelationEngine engine, int successAt)
    {
        foreach (var second in new[] { 0, 10, 20 })
        {
            engine.Add("53ba33fd", "failed_login", Event(Sec(second), ("User", "bob")));
        }

        engine.Add("53ba33fd", "failed_login", Event(Sec(30), ("User", "alice")));
        engine.Add("4d0a2c83", "successful_login", Event(Sec(successAt), ("User", "bob")));
    }
}
