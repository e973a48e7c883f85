using Vigil.Detection.Correlation;
using static Vigil.Detection.Tests.Correlation.CorrelationTestKit;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationDefinitionTests
{
    [Fact]
    public void Parse_EventCount_ReadsEveryPart()
    {
        var def = Parse("""
            title: Many failed logins
            correlation:
                type: event_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    - failed_login
                group-by:
                    - ComputerName
                    - User
                timespan: 1h
                condition:
                    gte: 100
            """);

        def.Type.ShouldBe(CorrelationType.EventCount);
        def.Rules.ShouldBe(["5638f7c0-ac70-491d-8465-2a65075e0d86", "failed_login"]);
        def.GroupBy.ShouldBe(["ComputerName", "User"]);
        def.Timespan.ShouldBe(TimeSpan.FromHours(1));
        def.TimespanText.ShouldBe("1h");
        def.Condition.ShouldNotBeNull().Comparisons.ShouldBe([new CorrelationComparison(CorrelationOperator.GreaterThanOrEqual, 100)]);
        def.ValueField.ShouldBeNull();
        def.Generate.ShouldBeFalse();
        def.Aliases.ShouldBeEmpty();
        def.File.ShouldBe("test.yml");
        def.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("event_count", "gte: 3", CorrelationType.EventCount, null)]
    [InlineData("value_count", "field: User\n        gte: 3", CorrelationType.ValueCount, "User")]
    [InlineData("temporal", "gte: 2", CorrelationType.Temporal, null)]
    [InlineData("temporal_ordered", "eq: 2", CorrelationType.TemporalOrdered, null)]
    [InlineData("value_sum", "field: bytes_sent\n        gt: 1000000", CorrelationType.ValueSum, "bytes_sent")]
    [InlineData("value_avg", "field: BytesOut\n        gt: 500", CorrelationType.ValueAvg, "BytesOut")]
    [InlineData("value_percentile", "field: image\n        lte: 1", CorrelationType.ValuePercentile, "image")]
    public void Parse_EachType_ReadsTypeAndField(string type, string condition, CorrelationType expected, string? field)
    {
        var def = Parse($"""
            correlation:
                type: {type}
                rules: [rule_a, rule_b]
                group-by: [ComputerName]
                timespan: 24h
                condition:
                    {condition}
            """);

        def.Type.ShouldBe(expected);
        def.ValueField.ShouldBe(field);
        def.Condition.ShouldNotBeNull().Comparisons.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("5m", 0, 5, 0)]
    [InlineData("90m", 1, 30, 0)]
    [InlineData("1h", 1, 0, 0)]
    [InlineData("2d", 48, 0, 0)]
    public void Parse_Timespan_ReadsEachUnit(string text, int hours, int minutes, int seconds)
    {
        var def = Parse($"correlation:\n  type: temporal\n  rules: [a, b]\n  timespan: {text}\n");

        def.Timespan.ShouldBe(new TimeSpan(hours, minutes, seconds));
    }

    [Fact]
    public void Parse_Range_AllComparisonsMustHold()
    {
        var def = Parse("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n  condition:\n    gt: 100\n    lte: 200\n");
        var condition = def.Condition.ShouldNotBeNull();

        condition.IsSatisfiedBy(100).ShouldBeFalse();
        condition.IsSatisfiedBy(101).ShouldBeTrue();
        condition.IsSatisfiedBy(200).ShouldBeTrue();
        condition.IsSatisfiedBy(201).ShouldBeFalse();
    }

    [Theory]
    [InlineData("gt", 5, 5, false)]
    [InlineData("gte", 5, 5, true)]
    [InlineData("lt", 5, 5, false)]
    [InlineData("lte", 5, 5, true)]
    [InlineData("eq", 5, 5, true)]
    [InlineData("neq", 5, 5, false)]
    [InlineData("neq", 5, 4, true)]
    public void Parse_Operator_ComparesAsNamed(string op, double operand, double value, bool expected)
    {
        var def = Parse($"correlation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n  condition:\n    {op}: {operand}\n");

        def.Condition.ShouldNotBeNull().IsSatisfiedBy(value).ShouldBe(expected);
    }

    [Fact]
    public void Parse_Aliases_ReadsFieldPerRule()
    {
        var def = Parse("""
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
            """);

        def.Aliases["internal_ip"]["internal_error"].ShouldBe("destination.ip");
        def.Aliases["internal_ip"]["new_network_connection"].ShouldBe("source.ip");
        def.Condition.ShouldBeNull();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_Generate_ReadsFlag(string text, bool expected)
    {
        var def = Parse($"correlation:\n  type: temporal\n  rules: [a, b]\n  timespan: 5m\n  generate: {text}\n");

        def.Generate.ShouldBe(expected);
    }

    [Fact]
    public void Parse_SingleRuleAsScalar_IsAOneItemList()
    {
        var def = Parse("correlation:\n  type: event_count\n  rules: failed_login\n  group-by: User\n  timespan: 5m\n  condition: {gte: 2}\n");

        def.Rules.ShouldBe(["failed_login"]);
        def.GroupBy.ShouldBe(["User"]);
    }

    [Fact]
    public void Parse_TemporalWithoutCondition_RequiresEveryRule()
    {
        var def = Parse("correlation:\n  type: temporal_ordered\n  rules: [a, b, c]\n  timespan: 5m\n");

        def.Condition.ShouldBeNull();
        def.EffectiveCondition.IsSatisfiedBy(2).ShouldBeFalse();
        def.EffectiveCondition.IsSatisfiedBy(3).ShouldBeTrue();
        def.GroupBy.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("type: bogus\n  rules: [a]\n  timespan: 5m\n  condition: {gte: 1}", "correlation.type")]
    [InlineData("rules: [a]\n  timespan: 5m\n  condition: {gte: 1}", "correlation.type")]
    [InlineData("type: event_count\n  timespan: 5m\n  condition: {gte: 1}", "correlation.rules")]
    [InlineData("type: event_count\n  rules: []\n  timespan: 5m\n  condition: {gte: 1}", "correlation.rules")]
    [InlineData("type: event_count\n  rules: [a, a]\n  timespan: 5m\n  condition: {gte: 1}", "correlation.rules[1]")]
    [InlineData("type: event_count\n  rules: [a]\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5x\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: -5m\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 0m\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5M\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 1w\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 99999999999999d\n  condition: {gte: 1}", "correlation.timespan")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m", "correlation.condition")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: 10", "correlation.condition")]
    [InlineData("type: value_count\n  rules: [a]\n  timespan: 5m\n  condition: {field: User}", "correlation.condition")]
    [InlineData("type: value_count\n  rules: [a]\n  timespan: 5m\n  condition: {gte: 3}", "correlation.condition.field")]
    [InlineData("type: value_sum\n  rules: [a]\n  timespan: 5m\n  condition: {gte: 3}", "correlation.condition.field")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: {field: User, gte: 3}", "correlation.condition.field")]
    [InlineData("type: value_count\n  rules: [a]\n  timespan: 5m\n  condition: {field: [A, B], gte: 3}", "correlation.condition.field")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: {between: 3}", "correlation.condition.between")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: {gte: many}", "correlation.condition.gte")]
    [InlineData("type: event_count\n  rules: [a]\n  timespan: 5m\n  condition: {gte: 1}\n  ordered: true", "correlation.ordered")]
    [InlineData("type: value_count\n  rules: [a]\n  timespan: 5m\n  field: User\n  condition: {gte: 1}", "correlation.field")]
    [InlineData("type: temporal\n  rules: [a]\n  timespan: 5m\n  generate: maybe", "correlation.generate")]
    [InlineData("type: temporal\n  rules: [a]\n  timespan: 5m\n  aliases: {ip: {other: source.ip}}", "correlation.aliases.ip.other")]
    [InlineData("type: temporal\n  rules: [a]\n  timespan: 5m\n  aliases: {ip: source.ip}", "correlation.aliases.ip")]
    [InlineData("type: temporal\n  rules: [a]\n  timespan: 5m\n  group-by: {User: 1}", "correlation.group-by")]
    public void Parse_Invalid_ThrowsWithConstruct(string body, string construct)
    {
        var error = ParseError("correlation:\n  " + body + "\n");

        error.Construct.ShouldBe(construct);
        error.Line.ShouldBeGreaterThan(0);
        error.Column.ShouldBeGreaterThan(0);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_BadTimespan_PointsAtTheValue()
    {
        var error = ParseError("title: x\ncorrelation:\n  type: temporal\n  rules: [a, b]\n  timespan: 10 minutes\n");

        error.Construct.ShouldBe("correlation.timespan");
        error.Line.ShouldBe(5);
        error.Column.ShouldBe(13);
    }

    [Fact]
    public void Parse_UnknownType_ListsTheValidTypes()
    {
        var error = ParseError("correlation:\n  type: value_median\n  rules: [a]\n  timespan: 5m\n  condition: {field: x, gte: 1}\n");

        error.Message.ShouldContain("value_percentile");
        error.Line.ShouldBe(2);
    }
}
