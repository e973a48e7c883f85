using Vigil.Core.Text;

namespace Vigil.Core.Tests.Text;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("90m", 5400)]
    [InlineData(" 4h ", 14400)]
    [InlineData("2d", 172800)]
    [InlineData("1h30m", 5400)]
    public void TryParse_Valid_GivesTheDuration(string text, int seconds)
    {
        DurationText.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0m")]
    [InlineData("15")]
    [InlineData("h")]
    [InlineData("5w")]
    [InlineData("-5m")]
    [InlineData("1234567s")]
    public void TryParse_Invalid_IsFalse(string? text)
        => DurationText.TryParse(text, out _).ShouldBeFalse();
}
