using System.Text;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Tests.Sources;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("{\"a\":1}\n{\"a\":2}\n", EventFileFormat.Ndjson)]
    [InlineData("  \n{\"a\":1}", EventFileFormat.Ndjson)]
    [InlineData("{\"a\":1,\"b\":\"unterminated\n{\"a\":2}\n", EventFileFormat.Ndjson)]
    [InlineData("[{\"a\":1}]", EventFileFormat.JsonArray)]
    [InlineData("\n[\n  {\"a\":1}\n]", EventFileFormat.JsonArray)]
    [InlineData("{\n  \"a\": 1\n}\n", EventFileFormat.JsonConcatenated)]
    [InlineData("{\"a\":1} {\"a\":2}\n", EventFileFormat.JsonConcatenated)]
    [InlineData("Record 1\n{\n  \"Event\": {}\n}", EventFileFormat.JsonConcatenated)]
    [InlineData("", EventFileFormat.Ndjson)]
    public void TryDetect_Content_Format(string content, EventFileFormat expected)
    {
        FormatDetector.TryDetect(Encoding.UTF8.GetBytes(content), isWholeContent: true, out var format, out _).ShouldBeTrue();

        format.ShouldBe(expected);
    }

    [Fact]
    public void TryDetect_FirstValueLongerThanTheSample_DecidedByLineBreaks()
    {
        var oneLongLine = Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 100) + "\"");
        var multiLine = Encoding.UTF8.GetBytes("{\n  \"a\": \"" + new string('x', 100) + "\"");

        FormatDetector.TryDetect(oneLongLine, isWholeContent: false, out var first, out _).ShouldBeTrue();
        FormatDetector.TryDetect(multiLine, isWholeContent: false, out var second, out _).ShouldBeTrue();

        first.ShouldBe(EventFileFormat.Ndjson);
        second.ShouldBe(EventFileFormat.JsonConcatenated);
    }

    [Theory]
    [InlineData("ElfFile\0rest", EventFileFormat.Evtx)]
    [InlineData("ElfChnk\0rest", EventFileFormat.Evtx)]
    [InlineData("<134>Oct 11 22:14:15 host app: message", EventFileFormat.Syslog)]
    [InlineData("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 - message", EventFileFormat.Syslog)]
    [InlineData("Oct 11 22:14:15 host sshd[42]: Accepted password", EventFileFormat.Syslog)]
    [InlineData("2024-01-12T10:00:00+01:00 host app: message", EventFileFormat.Syslog)]
    [InlineData("#separator \\x09\n#set_separator\t,", EventFileFormat.ZeekTsv)]
    [InlineData("CEF:0|Vendor|Product|1.0|100|Name|5|src=10.0.0.1", EventFileFormat.Cef)]
    [InlineData("<134>Oct 11 22:14:15 host CEF:0|Vendor|Product|1.0|100|Name|5|src=10.0.0.1", EventFileFormat.Cef)]
    [InlineData("LEEF:2.0|Vendor|Product|1.0|4625|^|src=10.0.0.1", EventFileFormat.Leef)]
    [InlineData("type=SYSCALL msg=audit(1364481363.243:24287): arch=c000003e syscall=2", EventFileFormat.Auditd)]
    [InlineData("<?xml version=\"1.0\"?><Events><Event>", EventFileFormat.WindowsXml)]
    [InlineData("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>", EventFileFormat.WindowsXml)]
    [InlineData("{\"Records\": [{\"eventVersion\": \"1.08\"}]}", EventFileFormat.CloudTrail)]
    [InlineData("{ \"Records\" :\n [", EventFileFormat.CloudTrail)]
    [InlineData("{\"Records\": 5}", EventFileFormat.Ndjson)]
    public void TryDetect_OtherFormats(string content, EventFileFormat expected)
    {
        FormatDetector.TryDetect(Encoding.UTF8.GetBytes(content), isWholeContent: true, out var format, out var why).ShouldBeTrue(why);

        format.ShouldBe(expected);
    }

    [Theory]
    [InlineData("hello world, just text", "unrecognised content")]
    [InlineData("\u0001\u0002binary", "unrecognised content")]
    public void TryDetect_Unknown_Reason(string content, string reason)
    {
        FormatDetector.TryDetect(Encoding.UTF8.GetBytes(content), isWholeContent: true, out _, out var why).ShouldBeFalse();

        why.ShouldContain(reason);
    }

    [Fact]
    public void TryDetect_Utf16_Reason()
    {
        FormatDetector.TryDetect([0xff, 0xfe, (byte)'<', 0], isWholeContent: true, out _, out var why).ShouldBeFalse();

        why.ShouldContain("UTF-16");
    }
}
