using System.Text;
using Vigil.Ingest.Enrichment.Input;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class CsvReaderTests
{
    private static List<(int Line, string[] Fields, string? Error)> ReadAll(string text)
    {
        var reader = new CsvReader(new StringReader(text));
        var records = new List<(int, string[], string?)>();
        var fields = new List<string>();
        while (reader.Read(fields, out var line, out var error))
        {
            records.Add((line, fields.ToArray(), error));
        }

        return records;
    }

    [Fact]
    public void Read_QuotesEscapedQuotesAndEmbeddedBreaks_AreUnquoted()
    {
        var records = ReadAll("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,,");

        records.Count.ShouldBe(3);
        records[0].Fields.ShouldBe(["a", "b,c", "say \"hi\""]);
        records[1].Fields.ShouldBe(["two\nlines", "x", ""]);
        records[2].Line.ShouldBe(4);
        records[2].Fields.ShouldBe(["last", "", ""]);
    }

    [Fact]
    public void Read_BomAndBlankLines_AreSkippedAndLinesCounted()
    {
        var records = ReadAll("\uFEFFh1,h2\r\n\r\n\r\nv1,v2\r\n");

        records.Select(r => r.Line).ShouldBe([1, 4]);
        records[0].Fields.ShouldBe(["h1", "h2"]);
    }

    [Theory]
    [InlineData("a,\"b\"x,c\nnext,1", "after the closing quote")]
    [InlineData("a,b\"c,d\nnext,1", "quote inside unquoted field")]
    public void Read_StrayQuote_ReportsRecordAndGoesOn(string text, string reason)
    {
        var records = ReadAll(text);

        records[0].Error.ShouldNotBeNull().ShouldContain(reason);
        records[1].Line.ShouldBe(2);
        records[1].Fields.ShouldBe(["next", "1"]);
    }

    [Fact]
    public void Read_UnclosedQuote_IsReported()
    {
        ReadAll("a,\"never closed\nmore").Single().Error.ShouldNotBeNull().ShouldContain("not closed");
    }

    [Fact]
    public void Read_HugeLine_IsReportedSkippedAndBounded()
    {
        var text = new StringBuilder().Append("x,").Append('y', ContextLimits.MaxRecordChars * 4).Append("\nok,1\n").ToString();

        var records = ReadAll(text);

        records.Count.ShouldBe(2);
        records[0].Error.ShouldNotBeNull().ShouldContain("longer than");
        records[1].Fields.ShouldBe(["ok", "1"]);
        records[1].Line.ShouldBe(2);
    }
}
