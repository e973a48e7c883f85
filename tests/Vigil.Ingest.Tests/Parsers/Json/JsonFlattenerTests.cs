using System.Text;
using Vigil.Core.Events;
using Vigil.Ingest.Parsers.Json;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Parsers.Json;

public sealed class JsonFlattenerTests
{
    [Fact]
    public void Flatten_NestedObjects_DottedNames()
    {
        var e = SourceRunner.ParseOne("""{"userIdentity":{"type":"IAMUser","sessionContext":{"attributes":{"mfaAuthenticated":"true"}}},"x":1}""");

        e.Fields().ShouldBe(
        [
            ("userIdentity.type", "IAMUser", FieldValueKind.String),
            ("userIdentity.sessionContext.attributes.mfaAuthenticated", "true", FieldValueKind.String),
            ("x", "1", FieldValueKind.Number),
        ]);
    }

    [Fact]
    public void Flatten_Arrays_OneEntryPerElementUnderTheSameName()
    {
        var e = SourceRunner.ParseOne("""{"tags":["a","b"],"resources":[{"ARN":"arn:1","type":"T"},{"ARN":"arn:2"}],"nested":[[1,2],[3]],"empty":[],"none":{}}""");

        e.Values("tags").ShouldBe(["a", "b"]);
        e.Values("resources.ARN").ShouldBe(["arn:1", "arn:2"]);
        e.Values("resources.type").ShouldBe(["T"]);
        e.Values("nested").ShouldBe(["1", "2", "3"]);
        e.Names().ShouldBe(["tags", "tags", "resources.ARN", "resources.type", "resources.ARN", "nested", "nested", "nested"]);
    }

    [Fact]
    public void Flatten_ScalarKinds_KeepJsonTextAndKind()
    {
        var e = SourceRunner.ParseOne("""{"s":"text","i":-12,"f":1.50e3,"t":true,"n":false,"z":null,"e":""}""");

        e.Fields().ShouldBe(
        [
            ("s", "text", FieldValueKind.String),
            ("i", "-12", FieldValueKind.Number),
            ("f", "1.50e3", FieldValueKind.Number),
            ("t", "true", FieldValueKind.True),
            ("n", "false", FieldValueKind.False),
            ("z", string.Empty, FieldValueKind.Null),
            ("e", string.Empty, FieldValueKind.String),
        ]);
    }

    [Fact]
    public void Flatten_EscapedNamesAndValues_Unescaped()
    {
        var e = SourceRunner.ParseOne("""{"na\u006De":"C:\\Windows\\cmd.exe \"x\"\n\u00e9\ud83d\ude00","plain":"caf\u00e9"}""");

        e.Value("name").ShouldBe("C:\\Windows\\cmd.exe \"x\"\né😀");
        e.Value("plain").ShouldBe("café");
    }

    [Fact]
    public void Flatten_UnpairedSurrogateEscape_ReportedAsError()
    {
        var result = SourceRunner.ParseLine("""{"a":"\ud800x"}""");

        result.Events.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("invalid string");
    }

    [Fact]
    public void Flatten_Utf8Text_Decoded()
    {
        var e = SourceRunner.ParseOne("""{"ユーザー":"José — ok"}""");

        e.Value("ユーザー").ShouldBe("José — ok");
    }

    [Fact]
    public void Parse_Event_SetsRawLocationSourceAndTimestamp()
    {
        var result = SourceRunner.ParseLine("  {\"@timestamp\":\"2020-09-14T01:20:50Z\",\"a\":1}  ", line: 7);

        var e = result.Events.ShouldHaveSingleItem();
        Encoding.UTF8.GetString(e.Raw).ShouldBe("{\"@timestamp\":\"2020-09-14T01:20:50Z\",\"a\":1}");
        e.Location.ShouldBe(7);
        e.SourceName.ShouldBe("test");
        e.TimestampTicks.ShouldBe(new DateTime(2020, 9, 14, 1, 20, 50, DateTimeKind.Utc).Ticks);
    }

    [Fact]
    public void Parse_EventWithoutTime_TimestampZero()
    {
        SourceRunner.ParseOne("""{"a":1}""").TimestampTicks.ShouldBe(0);
    }

    [Fact]
    public void Parse_SchemaFields_ResolvedToIdsIgnoringCase()
    {
        var schema = new EventSchema(["commandline", "User.Name"]);
        var seen = new List<string>();
        var handler = new CallbackHandler(r =>
        {
            seen.Add(r.ValueAt(r.First(schema.Resolve("commandline"))).ToString());
            seen.Add(r.ValueAt(r.First(schema.Resolve("User.Name"))).ToString());
            seen.Add(r.FieldIdAt(2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        using var parser = new JsonEventParser("test", new EventRecord(), schema, handler, new CollectingErrors());

        parser.ParseLine("""{"CommandLine":"whoami","user":{"name":"bob"},"other":1}"""u8, 1);

        seen.ShouldBe(["whoami", "bob", "-1"]);
    }

    [Fact]
    public void Parse_EventsWithNamesMovingAround_FieldIdsStayRight()
    {
        var schema = new EventSchema(["a", "b"]);
        var seen = new List<string>();
        var handler = new CallbackHandler(r =>
        {
            var a = r.First(schema.Resolve("a"));
            var b = r.First(schema.Resolve("b"));
            seen.Add((a < 0 ? "-" : r.ValueAt(a).ToString()) + "/" + (b < 0 ? "-" : r.ValueAt(b).ToString()));
        });
        using var parser = new JsonEventParser("test", new EventRecord(), schema, handler, new CollectingErrors());

        parser.ParseLine("""{"a":1,"b":2}"""u8, 1);
        parser.ParseLine("""{"b":3,"a":4}"""u8, 2);
        parser.ParseLine("""{"A":5,"c":6}"""u8, 3);
        parser.ParseLine("""{"x":{"a":7},"a":8}"""u8, 4);

        seen.ShouldBe(["1/2", "4/3", "5/-", "8/-"]);
    }

    [Fact]
    public void Parse_LargeValuesAndManyFields_BuffersGrow()
    {
        var big = new string('v', 200_000);
        var name = new string('n', 5_000);
        var json = new StringBuilder("{\"big\":\"").Append(big).Append("\",\"").Append(name).Append("\":1");
        for (var i = 0; i < 500; i++)
        {
            json.Append(",\"f").Append(i).Append("\":").Append(i);
        }

        var e = SourceRunner.ParseOne(json.Append('}').ToString());

        (e.Value("big") == big).ShouldBeTrue();
        e.Value(name).ShouldBe("1");
        e.FieldCount.ShouldBe(502);
    }

    [Fact]
    public void Parse_TopLevelEventThatIsNotEvtx_FlattenedWithItsName()
    {
        var e = SourceRunner.ParseOne("""{"Event":{"type":"login","id":3},"Event_attributes":{"x":1}}""");

        e.Value("Event.type").ShouldBe("login");
        e.Value("Event.id").ShouldBe("3");
    }

    [Fact]
    public void Parse_ManyEventsWithOneParser_RecordResetBetweenEvents()
    {
        using var dir = new TempDirectory();
        var result = SourceRunner.ReadFile(dir.Write("two.jsonl", "{\"a\":1,\"b\":2}\n{\"c\":3}\n"));

        result.Events[1].Names().ShouldBe(["c"]);
    }
}
