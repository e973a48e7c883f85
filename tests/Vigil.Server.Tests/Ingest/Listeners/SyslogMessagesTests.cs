using System.Text;
using Vigil.Server.Ingest.Listeners;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class SyslogMessagesTests
{
    [Theory]
    [InlineData("<13>a\n", "<13>a")]
    [InlineData("<13>a\r\n\0\0", "<13>a")]
    [InlineData("<13>a\nb\r\nc", "<13>a b  c")]
    [InlineData("<13>a\0b", "<13>a b")]
    public void ToLine_Message_IsOneLine(string raw, string expected)
        => Encoding.UTF8.GetString(SyslogMessages.ToLine(Encoding.UTF8.GetBytes(raw)).ShouldNotBeNull()).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData(" \t\r\n\0")]
    public void ToLine_BlankMessage_IsNull(string raw) => SyslogMessages.ToLine(Encoding.UTF8.GetBytes(raw)).ShouldBeNull();
}
