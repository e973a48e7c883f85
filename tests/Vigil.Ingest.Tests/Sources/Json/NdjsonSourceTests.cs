using System.Text;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Sources.Json;

public sealed class NdjsonSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_ManyBlocks_EveryEventKeepsItsExactLine()
    {
        // About 3.5 MiB: several 1 MiB blocks, with line breaks falling anywhere in them.
        var text = new StringBuilder();
        for (var line = 1; line <= 40_000; line++)
        {
            text.Append("{\"n\":").Append(line).Append(",\"pad\":\"").Append('x', line % 97).Append("\"}\n");
        }

        var path = _dir.Write("many.jsonl", text.ToString());

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.BatchBytes.Count.ShouldBeGreaterThan(2);
        result.BatchBytes.Sum().ShouldBe(new FileInfo(path).Length);
        result.BatchBytes.ShouldAllBe(b => b <= 1 << 20);
        result.Events.Count.ShouldBe(40_000);
        foreach (var e in result.Events)
        {
            e.Location.ShouldBe(long.Parse(e.Value("n"), System.Globalization.CultureInfo.InvariantCulture));
            e.SourceName.ShouldBe(path);
        }
    }

    [Fact]
    public void Read_BlankLinesCrlfAndBom_SkippedWithLinesCounted()
    {
        var path = _dir.WriteBytes("crlf.jsonl", [0xef, 0xbb, 0xbf, .. Encoding.UTF8.GetBytes("{\"a\":1}\r\n\r\n   \r\n{\"a\":2}\r\n\n{\"a\":3}")]);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("2", 4L), ("3", 6L)]);
    }

    [Fact]
    public void Read_MalformedLineInTheMiddle_ReportedWithLineAndByteAndTheRestRead()
    {
        var path = _dir.Write("bad.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\": tru}\n{\"a\":4}\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "2", "4"]);
        result.Events[2].Location.ShouldBe(4);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(path);
        error.Location.ShouldBe(3);
        error.Message.ShouldContain("byte offset");
        error.Message.ShouldContain("malformed JSON");
    }

    [Theory]
    [InlineData("[{\"a\":1}]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Read_LineThatIsNotAnObject_ReportedAsError(string line, string kind)
    {
        var path = _dir.Write("values.jsonl", "{\"a\":1}\n" + line + "\n{\"a\":3}\n");

        var result = SourceRunner.ReadFile(path, EventFileFormat.Ndjson);

        result.Events.Count.ShouldBe(2);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(2);
        error.Message.ShouldContain($"is a JSON {kind}, not an object");
    }

    [Fact]
    public void Read_TwoObjectsOnOneLine_ReportedAsError()
    {
        var path = _dir.Write("two.jsonl", "{\"a\":1}\n{\"a\":2} {\"a\":3}\n");

        var result = SourceRunner.ReadFile(path, EventFileFormat.Ndjson);

        result.Events.Count.ShouldBe(1);
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(2);
    }

    [Fact]
    public void Read_LineOver16MiB_ReportedAndSkippedAndTheRestRead()
    {
        var huge = "{\"a\":\"" + new string('x', (16 << 20) + 10) + "\"}";
        var path = _dir.Write("huge.jsonl", "{\"a\":1}\n" + huge + "\n{\"a\":3}\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("3", 3L)]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(2);
        error.Message.ShouldContain("longer than");
    }

    [Fact]
    public void Read_LineLongerThanABlock_Read()
    {
        var longValue = new string('y', 3 << 20);
        var path = _dir.Write("long.jsonl", "{\"a\":1}\n{\"a\":\"" + longValue + "\"}\n{\"a\":3}\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(3);
        (result.Events[1].Value("a") == longValue).ShouldBeTrue();
        result.Events[2].Location.ShouldBe(3);
    }

    [Fact]
    public void Read_NestingDeeperThan64_ErrorForThatRecordOnly()
    {
        static string Nest(int objects) => string.Concat(Enumerable.Repeat("{\"a\":", objects)) + "1" + new string('}', objects);
        var path = _dir.Write("deep.jsonl", Nest(64) + "\n" + Nest(65) + "\n{\"ok\":true}\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Events[0].Names().ShouldHaveSingleItem().ShouldBe(string.Join('.', Enumerable.Repeat("a", 64)));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(2);
        error.Message.ShouldContain("depth");
    }

    [Fact]
    public void Read_InvalidUtf8_ErrorForThatRecordOnly()
    {
        byte[] bytes = [.. "{\"a\":1}\n{\"a\":\"bad "u8, 0xff, 0xfe, .. "\"}\n{\"a\":3}\n"u8];
        var path = _dir.WriteBytes("utf8.jsonl", bytes);

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "3"]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(2);
        error.Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Read_GzipNamedJson_DecompressedByMagicBytes()
    {
        var path = _dir.WriteGzip("events.json", "{\"a\":1}\n{\"a\":2}\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("a"), e.Location)).ShouldBe([("1", 1L), ("2", 2L)]);
    }

    [Fact]
    public void Read_NoTrailingNewline_LastLineRead()
    {
        var path = _dir.Write("last.jsonl", "{\"a\":1}\n{\"a\":2}");

        SourceRunner.ReadFile(path).Events.Count.ShouldBe(2);
    }

    [Fact]
    public void ReadBatches_Cancelled_Throws()
    {
        var path = _dir.Write("cancel.jsonl", "{\"a\":1}\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => EventSources.Open(path).ReadBatches(new CollectingErrors(), cancelled.Token).ToList());
    }

    [Fact]
    public void Parse_CalledTwice_Throws()
    {
        var path = _dir.Write("once.jsonl", "{\"a\":1}\n");
        var errors = new CollectingErrors();
        var batch = EventSources.Open(path).ReadBatches(errors, CancellationToken.None).Single();
        var record = new EventRecord();
        batch.Parse(record, EventSchema.Empty, new CollectingHandler(), errors);

        Should.Throw<InvalidOperationException>(() => batch.Parse(record, EventSchema.Empty, new CollectingHandler(), errors));
    }
}
