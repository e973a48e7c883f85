using Vigil.Analytics.Backtesting;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class TechniqueIdsTests
{
    [Theory]
    [InlineData("T1110", true)]
    [InlineData("T1110.003", true)]
    [InlineData("t1110", false)]
    [InlineData("T111", false)]
    [InlineData("T1110.03", false)]
    [InlineData("T1110.0031", false)]
    [InlineData("TA0006", false)]
    [InlineData("T1110 ", false)]
    [InlineData(null, false)]
    public void IsValid_ChecksShape(string? id, bool expected) => TechniqueIds.IsValid(id).ShouldBe(expected);

    [Theory]
    [InlineData("T1110.003", "T1110")]
    [InlineData("T1110", "T1110")]
    [InlineData(" t1059.001 ", "t1059")]
    public void TryGetParent_Technique_ReturnsParent(string id, string expected)
    {
        TechniqueIds.TryGetParent(id, out var parent).ShouldBeTrue();

        parent.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("TA0006")]
    [InlineData("attack.t1110")]
    [InlineData("T1110.")]
    [InlineData("")]
    public void TryGetParent_NotATechnique_ReturnsFalse(string id) => TechniqueIds.TryGetParent(id, out _).ShouldBeFalse();
}
