using System.Text;
using Vigil.Server.Ingest.Listeners;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class WatchedFilesTests
{
    [Theory]
    [InlineData("{\"a\":1}\n{\"a\":2}\n", "Lines")]
    [InlineData("<13>Jan  1 00:00:00 h app: x\n", "Lines")]
    [InlineData("#separator \\x09\n#fields\tts\n1\t2\n", "Lines")]
    [InlineData("[{\"a\":1},\n{\"a\":2}]", "Document")]
    [InlineData("{\n  \"a\": 1\n}\n", "Document")]
    [InlineData("{\"Records\":[{\"a\":1}]}", "Document")]
    [InlineData("<?xml version=\"1.0\"?><Events></Events>", "Document")]
    public void Classify_Text_TellsWhetherItMaySplitAtLines(string content, string expected)
        => WatchedFiles.Classify(Encoding.UTF8.GetBytes(content), isWholeContent: true, out _).ToString().ShouldBe(expected);

    [Fact]
    public void Classify_EvtxAndGzip_AreBinary()
    {
        WatchedFiles.Classify("ElfFile\0rest"u8, isWholeContent: true, out var evtx).ShouldBe(WatchedFileKind.Binary);
        evtx.ShouldBe("EVTX");
        WatchedFiles.Classify([0x1f, 0x8b, 8, 0], isWholeContent: true, out var gzip).ShouldBe(WatchedFileKind.Binary);
        gzip.ShouldBe("gzip");
    }
}
