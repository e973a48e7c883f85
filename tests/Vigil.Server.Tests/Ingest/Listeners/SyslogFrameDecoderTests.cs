using System.Text;
using Vigil.Server.Ingest.Listeners;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class SyslogFrameDecoderTests
{
    private static List<string> Decode(SyslogFrameDecoder decoder, params string[] writes)
    {
        var lines = new List<byte[]>();
        foreach (var write in writes)
        {
            decoder.Decode(Encoding.UTF8.GetBytes(write), lines).ShouldBeNull();
        }

        return [.. lines.Select(l => Encoding.UTF8.GetString(l))];
    }

    [Fact]
    public void Decode_OctetCountedSplitAcrossWrites_GivesOneMessage()
    {
        var decoder = new SyslogFrameDecoder(64 * 1024);
        Decode(decoder, "1", "5 <13>host: hel", "lo").ShouldBe(["<13>host: hello"]);
        decoder.Framing.ShouldBe(SyslogFraming.OctetCounting);
    }

    [Fact]
    public void Decode_SeveralOctetCountedFramesInOneWrite_GiveOneLineEach()
    {
        var decoder = new SyslogFrameDecoder(64 * 1024);
        Decode(decoder, "5 <13>a5 <13>b\n11 <13>c\nstill").ShouldBe(["<13>a", "<13>b", "<13>c still"]);
    }

    [Fact]
    public void Decode_LfFramedWithNulCrLfAndSplitWrites_GiveOneLineEach()
    {
        var decoder = new SyslogFrameDecoder(64 * 1024);
        Decode(decoder, "<13>one\n<13>tw", "o\0<13>three\r\n\n<13>fo", "ur\n").ShouldBe(["<13>one", "<13>two", "<13>three", "<13>four"]);
        decoder.Framing.ShouldBe(SyslogFraming.NonTransparent);
    }

    [Fact]
    public void Complete_LfFramedWithoutFinalTerminator_GivesTheLastMessage()
    {
        var decoder = new SyslogFrameDecoder(64 * 1024);
        var lines = new List<byte[]>();
        decoder.Decode("<13>last"u8, lines).ShouldBeNull();
        lines.ShouldBeEmpty();
        decoder.Complete(lines).ShouldBeNull();
        Encoding.UTF8.GetString(lines.ShouldHaveSingleItem()).ShouldBe("<13>last");
    }

    [Theory]
    [InlineData("12x <13>bad", "expected an octet count")]
    [InlineData("65537 <13>x", "larger than the 65536-byte limit")]
    [InlineData("99999999999 <13>x", "larger than the 65536-byte limit")]
    [InlineData("5 <13>a05 <13>b", "starts with 0")]
    public void Decode_MalformedOctetCount_IsAnError(string stream, string reason)
    {
        var lines = new List<byte[]>();
        new SyslogFrameDecoder(64 * 1024).Decode(Encoding.UTF8.GetBytes(stream), lines).ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Complete_InsideAnOctetCountedFrame_IsAnError()
    {
        var decoder = new SyslogFrameDecoder(64 * 1024);
        var lines = new List<byte[]>();
        decoder.Decode("20 <13>short"u8, lines).ShouldBeNull();
        decoder.Complete(lines).ShouldNotBeNull().ShouldContain("inside an octet-counted frame");
        lines.ShouldBeEmpty();
    }

    [Fact]
    public void Decode_LfMessageLongerThanLimit_IsCutAndCountedAndTheNextIsIntact()
    {
        var decoder = new SyslogFrameDecoder(16);
        Decode(decoder, "<13>0123456789ab", "cdef-rest-is-dropped", "-still-dropped\n<13>next\n").ShouldBe(["<13>0123456789ab", "<13>next"]);
        decoder.Truncated.ShouldBe(1);
    }

    [Fact]
    public void Decode_LfMessageOfExactlyTheLimit_IsNotCut()
    {
        var decoder = new SyslogFrameDecoder(8);
        Decode(decoder, "<13>1234", "\n").ShouldBe(["<13>1234"]);
        decoder.Truncated.ShouldBe(0);
    }
}
