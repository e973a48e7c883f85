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
    [InlineData("ElfFile\0rest", "EVTX")]
    [InlineData("<134>Oct 11 22:14:15 host app: message", "not JSON")]
    [InlineData("#separator \\x09", "not JSON")]
    public void TryDetect_NotJson_Reason(string content, string reason)
    {
        FormatDetector.TryDetect(Encoding.UTF8.GetBytes(content), isWholeContent: true, out _, out var why).ShouldBeFalse();

        why.ShouldContain(reason);
    }
}
