using System.Text;
using System.Text.Json;
using Vigil.Cli.Hunting;
using Vigil.Core.Events;

namespace Vigil.Cli.Tests.Hunting;

public sealed class EventJsonTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-12.5e+3", true)]
    [InlineData("42", true)]
    [InlineData("01", false)]
    [InlineData(".5", false)]
    [InlineData("1.", false)]
    [InlineData("0x1F", false)]
    [InlineData("", false)]
    [InlineData("1e", false)]
    public void IsJsonNumber_FollowsTheJsonGrammar(string text, bool expected)
        => EventJson.IsJsonNumber(text).ShouldBe(expected);

    [Fact]
    public void Write_RawJson_IsCopiedCompactOnOneLine()
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        record.SetRaw(Encoding.UTF8.GetBytes("{\n  \"a\": 1,\n  \"b\": \"x\\ny\"\n}"));

        var json = Write(record);

        json.ShouldBe("{\"a\":1,\"b\":\"x\\ny\"}");
    }

    [Fact]
    public void Write_RawNotJson_BuildsAnObjectFromTheFields()
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        record.SetRaw(Encoding.UTF8.GetBytes("<13>May  1 10:00:00 host sshd[1]: Accepted"));
        record.Add("host", "web01");
        record.Add("pid", "1", FieldValueKind.Number);
        record.Add("tags", "a");
        record.Add("tags", "b");
        record.Add("ok", "true", FieldValueKind.True);
        record.Add("gone", string.Empty, FieldValueKind.Null);
        record.Add("odd", "0x1", FieldValueKind.Number);

        using var doc = JsonDocument.Parse(Write(record));
        var root = doc.RootElement;

        root.GetProperty("host").GetString().ShouldBe("web01");
        root.GetProperty("pid").GetInt32().ShouldBe(1);
        root.GetProperty("tags").EnumerateArray().Select(e => e.GetString()).ShouldBe(["a", "b"]);
        root.GetProperty("ok").GetBoolean().ShouldBeTrue();
        root.GetProperty("gone").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("odd").GetString().ShouldBe("0x1");
    }

    private static string Write(EventRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            EventJson.Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
