using Vigil.Response.Playbooks;

namespace Vigil.Response.Tests.Playbooks;

public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("confidence >= 0.8", 0.8, true)]
    [InlineData("confidence >= 0.8", 0.79, false)]
    [InlineData("confidence < 0.5", 0.4, true)]
    [InlineData("severity == critical", 0.9, false)]
    [InlineData("severity != critical", 0.9, true)]
    [InlineData("severity >= high", 0.9, true)]
    [InlineData("asset.criticality in [high, critical]", 0.9, false)]
    [InlineData("asset.criticality in [medium]", 0.9, true)]
    [InlineData("asset.criticality<=medium and confidence>0.5", 0.9, true)]
    public void TryParse_ValidCondition_EvaluatesAgainstTheAlert(string text, double confidence, bool expected)
    {
        ConditionParser.TryParse(text, out var condition, out _, out var error).ShouldBeTrue(error);

        condition!.IsTrue(TestAlerts.Alert(confidence: confidence)).ShouldBe(expected);
    }

    [Fact]
    public void IsTrue_UnknownCriticality_IsFalse()
    {
        ConditionParser.TryParse("asset.criticality in [low, medium, high, critical]", out var condition, out _, out _).ShouldBeTrue();

        condition!.IsTrue(TestAlerts.Alert(criticality: null)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("confidence", 10)]
    [InlineData("confidence >=", 13)]
    [InlineData("severity in high", 12)]
    public void TryParse_Incomplete_ReportsTheOffset(string text, int offset)
    {
        ConditionParser.TryParse(text, out _, out var errorOffset, out var error).ShouldBeFalse();

        errorOffset.ShouldBe(offset);
        error.ShouldNotBeNullOrEmpty();
    }
}
