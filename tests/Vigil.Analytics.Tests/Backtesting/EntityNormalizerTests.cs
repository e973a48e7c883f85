using Vigil.Analytics.Backtesting;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class EntityNormalizerTests
{
    [Theory]
    [InlineData("jdoe", "jdoe")]
    [InlineData("CORP\\jdoe", "jdoe")]
    [InlineData("corp.example\\JDoe", "JDoe")]
    [InlineData("jdoe@corp.example", "jdoe")]
    [InlineData("CORP\\jdoe@corp.example", "jdoe")]
    [InlineData("  jdoe  ", "jdoe")]
    [InlineData("CORP\\", "")]
    public void User_RemovesDomain(string value, string expected) => EntityNormalizer.User(value).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("WS-0142", "WS-0142")]
    [InlineData("ws-0142.corp.example", "ws-0142")]
    [InlineData("ws-0142.corp.example.", "ws-0142")]
    [InlineData(" DC01 ", "DC01")]
    public void Host_TakesFirstLabel(string value, string expected) => EntityNormalizer.Host(value).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("10.20.5.14", "10.20.5.14")]
    [InlineData(" 10.20.5.14 ", "10.20.5.14")]
    [InlineData("::ffff:10.20.5.14", "10.20.5.14")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData("fe80::1%3", "fe80::1")]
    public void TryAddress_Address_ReturnsComparedForm(string value, string expected)
    {
        EntityNormalizer.TryAddress(value, out var address).ShouldBeTrue();

        address.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10.20.5")]
    [InlineData("10.20.5.300")]
    [InlineData("WS-0142")]
    [InlineData("")]
    public void TryAddress_NotAnAddress_ReturnsFalse(string value) => EntityNormalizer.TryAddress(value, out _).ShouldBeFalse();
}
