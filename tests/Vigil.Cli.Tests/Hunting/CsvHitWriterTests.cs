using Vigil.Cli.Hunting;

namespace Vigil.Cli.Tests.Hunting;

public sealed class CsvHitWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Escape_QuotesOnlyWhenNeeded(string field, string expected)
        => CsvHitWriter.Escape(field).ShouldBe(expected);

    [Fact]
    public void Constructor_WritesTheHeaderWithCrlf()
    {
        using var output = new StringWriter();
        using var writer = new CsvHitWriter(output);

        output.ToString().ShouldBe("time,level,rule_id,rule_title,tactics,techniques,source_file,source_location,matched\r\n");
    }
}
