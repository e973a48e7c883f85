using System.Text;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Sources.Json;

public sealed class JsonValueSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_PrettyPrintedArray_EventsCarryTheLineWhereTheyStart()
    {
        var path = _dir.Write("array.json", """
            [
              {
                "a": 1,
                "b": { "c": "x" }
              },
              {
                "a": 2
              }
            ]
            """);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 2L), ("2", 6L)]);
        result.Events[0].Value("b.c").ShouldBe("x");
        Encoding.UTF8.GetString(result.Events[1].Raw).ShouldBe("{\n    \"a\": 2\n  }");
    }

    [Fact]
    public void Read_OneLineArrayAndSeveralArrays_AllElementsRead()
    {
        var path = _dir.Write("arrays.json", "[{\"a\":1},{\"a\":2}]\n[{\"a\":3}]\n[]\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("2", 1L), ("3", 2L)]);
    }

    [Fact]
    public void Read_ConcatenatedPrettyObjects_ReadLikeJq()
    {
        var path = _dir.Write("stream.json", "{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}{\"a\":3}\n\n{\n  \"a\": 4\n}\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("2", 4L), ("3", 6L), ("4", 8L)]);
    }

    [Fact]
    public void Read_ConcatenatedWithForcedFormat_SameAsDetected()
    {
        var path = _dir.Write("stream.txt", "{\"a\":1}\n{\n\"a\":2}\n");

        SourceRunner.ReadFile(path, EventFileFormat.JsonConcatenated).Events.Count.ShouldBe(2);
        SourceRunner.ReadFile(path, EventFileFormat.JsonArray).Events.Count.ShouldBe(2);
    }

    [Fact]
    public void Read_EvtxDumpJsonWithRecordLines_RecordLinesSkipped()
    {
        var path = _dir.Write("dump.json", "Record 1\n{\n  \"a\": 1\n}\nRecord 2\n{\n  \"a\": 2\n}\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 2L), ("2", 6L)]);
    }

    [Fact]
    public void Read_ArrayElementThatIsNotAnObject_ReportedWithItsLine()
    {
        var path = _dir.Write("mixed.json", "[\n{\"a\":1},\n42,\n{\"a\":3}\n]");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(3);
        error.Message.ShouldContain("number, not an object");
    }

    [Fact]
    public void Read_MalformedValueInAStream_ReportedAndReadingResumesAtTheNextValue()
    {
        var path = _dir.Write("broken.json", "{\n  \"a\": 1\n}\n{\n  \"a\": oops,\n  \"b\": {\n    \"c\": 1\n  }\n}\n{\n  \"a\": 3\n}\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("3", 10L)]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(4);
        error.Message.ShouldContain("line 5");
        error.Message.ShouldContain("skipped to line 10");
    }

    [Fact]
    public void Read_MalformedElementInAPrettyArray_ReadingResumesAtTheNextElement()
    {
        var path = _dir.Write("broken-array.json", "[\n  {\n    \"a\": 1\n  },\n  {\n    \"a\": \"unterminated\n  },\n  {\n    \"a\": 3\n  }\n]\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 2L), ("3", 8L)]);
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(5);
    }

    [Fact]
    public void Read_MalformedOneLineArray_ResumesAtTheNextRecordByItsFirstMember()
    {
        var path = _dir.Write("minified.json", "[{\"a\":1},{\"a\":2,,},{\"a\":3}]");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "3"]);
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(1);
    }

    [Fact]
    public void Read_MalformedOneLineArrayWithNoLaterRecord_RestReportedUnreadable()
    {
        var path = _dir.Write("minified.json", "[{\"a\":1},{\"a\":2,,},{\"b\":3}]");

        var result = SourceRunner.ReadFile(path);

        result.Events.ShouldHaveSingleItem().Value("a").ShouldBe("1");
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("the rest of the file from line 1 is skipped");
    }

    [Fact]
    public void Read_UnclosedArray_ReportedAndElementsKept()
    {
        var path = _dir.Write("open.json", "[\n{\"a\":1},\n{\"a\":2}\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not closed");
    }

    [Fact]
    public void Read_TruncatedLastValue_ReportedAndEarlierValuesKept()
    {
        var path = _dir.Write("cut.json", "{\n  \"a\": 1\n}\n{\n  \"a\": 2,\n  \"b\": \"x");

        var result = SourceRunner.ReadFile(path);

        result.Events.ShouldHaveSingleItem().Value("a").ShouldBe("1");
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(4);
    }

    [Fact]
    public void Read_MissingCommaBetweenElements_ReportedAndBothRead()
    {
        var path = _dir.Write("comma.json", "[\n{\"a\":1}\n{\"a\":2}\n]");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(3);
    }

    [Fact]
    public void Read_LargeArray_StreamedInSeveralBatchesWithExactLines()
    {
        var text = new StringBuilder("[\n");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append("  {\n    \"n\": ").Append(i).Append(",\n    \"pad\": \"").Append('z', 100).Append("\"\n  }");
        }

        text.Append("\n]\n");
        var path = _dir.Write("large.json", text.ToString());

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.BatchBytes.Count.ShouldBeGreaterThan(3);
        result.BatchBytes.Sum().ShouldBe(new FileInfo(path).Length);
        result.Events.Count.ShouldBe(30_000);
        for (var i = 0; i < result.Events.Count; i++)
        {
            result.Events[i].Location.ShouldBe(2 + (4L * i));
        }
    }

    [Fact]
    public void Read_ValueOver16MiB_ReportedAndSkipped()
    {
        var path = _dir.Write("huge.json", "[\n  {\"a\": 1},\n  {\"a\": \"" + new string('x', (16 << 20) + 1) + "\"},\n  {\"a\": 3}\n]\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "3"]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(3);
        error.Message.ShouldContain("larger than");
    }

    [Fact]
    public void Read_GzipArray_DecompressedTransparently()
    {
        var path = _dir.WriteGzip("array.gz", "[{\"a\":1},\n{\"a\":2}]");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(2);
    }
}
