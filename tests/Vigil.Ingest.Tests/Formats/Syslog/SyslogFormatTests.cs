using System.Text.Json;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Syslog;

public sealed class SyslogFormatTests
{
    private static readonly SyslogFormat Format = new(new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    private static long Ticks(int y, int mo, int d, int h, int mi, int s, int ms = 0)
        => new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Utc).Ticks;

    [Fact]
    public void ParseLine_Rfc5424_HeaderStructuredDataAndMessage()
    {
        var e = LineFormatRunner.ParseOne(Format,
            "<165>1 2003-10-11T22:14:15.003-07:00 mymachine.example.com evntslog - ID47 "
            + "[exampleSDID@32473 iut=\"3\" eventSource=\"Appli\\\"cation\\\\\" eventID=\"10\\] 11\"][examplePriority@32473 class=\"high\"] "
            + "\uFEFFAn application event");

        e.Value("pri").ShouldBe("165");
        e.Kind("pri").ShouldBe(Vigil.Core.Events.FieldValueKind.Number);
        e.Value("facility").ShouldBe("local4");
        e.Value("severity").ShouldBe("notice");
        e.Value("version").ShouldBe("1");
        e.Value("timestamp").ShouldBe("2003-10-11T22:14:15.003-07:00");
        e.Value("hostname").ShouldBe("mymachine.example.com");
        e.Value("appname").ShouldBe("evntslog");
        e.Values("procid").ShouldBeEmpty();
        e.Value("msgid").ShouldBe("ID47");
        e.Value("exampleSDID@32473.iut").ShouldBe("3");
        e.Value("exampleSDID@32473.eventSource").ShouldBe("Appli\"cation\\");
        e.Value("exampleSDID@32473.eventID").ShouldBe("10] 11");
        e.Value("examplePriority@32473.class").ShouldBe("high");
        e.Value("message").ShouldBe("An application event");
        e.TimestampTicks.ShouldBe(Ticks(2003, 10, 12, 5, 14, 15, 3));
        e.Location.ShouldBe(1);
    }

    [Fact]
    public void ParseLine_Rfc5424AllNil_FieldsAbsent()
    {
        var e = LineFormatRunner.ParseOne(Format, "<14>1 - - - - - -");

        e.Names().ShouldBe(["pri", "facility", "severity", "version"]);
        e.TimestampTicks.ShouldBe(0);
    }

    [Fact]
    public void ParseLine_Rfc5424MalformedStructuredData_KeptInMessage()
    {
        var e = LineFormatRunner.ParseOne(Format, "<14>1 2024-01-01T00:00:00Z h a p m [id x=\"unterminated");

        e.Value("message").ShouldBe("[id x=\"unterminated");
        e.Values("id.x").ShouldBeEmpty();
    }

    [Fact]
    public void ParseLine_Rfc3164_TagPidAndMessage()
    {
        var e = LineFormatRunner.ParseOne(Format, "<38>Mar  7 04:02:16 avas sshd[11165]: Accepted password for root from 10.0.0.1");

        e.Value("facility").ShouldBe("auth");
        e.Value("severity").ShouldBe("info");
        e.Value("timestamp").ShouldBe("Mar  7 04:02:16");
        e.Value("hostname").ShouldBe("avas");
        e.Value("appname").ShouldBe("sshd");
        e.Value("procid").ShouldBe("11165");
        e.Value("message").ShouldBe("Accepted password for root from 10.0.0.1");
        e.TimestampTicks.ShouldBe(Ticks(2024, 3, 7, 4, 2, 16));
    }

    [Theory]
    [InlineData("Oct 11 22:14:15 mymachine su: msg", null)]
    [InlineData("<1000>Oct 11 22:14:15 mymachine su: msg", null)]
    [InlineData("<abc>Oct 11 22:14:15 mymachine su: msg", null)]
    [InlineData("<192>Oct 11 22:14:15 mymachine su: msg", null)]
    [InlineData("<0>Oct 11 22:14:15 mymachine su: msg", "0")]
    public void ParseLine_MissingOrMalformedPri_RestStillParsed(string line, string? pri)
    {
        var e = LineFormatRunner.ParseOne(Format, line);

        e.Values("pri").ShouldBe(pri is null ? [] : [pri]);
        e.Values("facility").Count.ShouldBe(pri is null ? 0 : 1);
        e.Value("hostname").ShouldBe("mymachine");
        e.Value("appname").ShouldBe("su");
        e.Value("message").ShouldBe("msg");
    }

    [Fact]
    public void ParseLine_NoHeader_WholeLineIsMessage()
    {
        var e = LineFormatRunner.ParseOne(Format, "<7>unparsable line");

        e.Value("severity").ShouldBe("debug");
        e.Value("message").ShouldBe("unparsable line");
        e.TimestampTicks.ShouldBe(0);
    }

    [Theory]
    [InlineData("2025-01-05T00:00:00Z", "Dec 31 23:59:59", 2024)]
    [InlineData("2024-12-31T23:00:00Z", "Jan  1 00:00:01", 2025)]
    [InlineData("2024-06-01T00:00:00Z", "Jun 30 12:00:00", 2024)]
    [InlineData("2024-06-01T00:00:00Z", "Jul 15 12:00:00", 2023)]
    [InlineData("2025-03-01T00:00:00Z", "Feb 29 12:00:00", 2024)]
    public void ParseLine_Rfc3164WithoutYear_YearFromReference(string now, string stamp, int year)
    {
        var clock = new FixedTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var e = LineFormatRunner.ParseOne(new SyslogFormat(clock), $"<13>{stamp} host app: x");

        new DateTime(e.TimestampTicks, DateTimeKind.Utc).Year.ShouldBe(year);
    }

    [Fact]
    public void ParseLine_DefaultOffset_AppliedToTimesWithoutZone()
    {
        var format = new SyslogFormat(new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), TimeSpan.FromHours(2));

        var bsd = LineFormatRunner.ParseOne(format, "<13>Mar  7 04:02:16 host app: x");
        var iso = LineFormatRunner.ParseOne(format, "<13>1 2024-03-07T04:02:16+05:00 host app - - - x");

        bsd.TimestampTicks.ShouldBe(Ticks(2024, 3, 7, 2, 2, 16));
        iso.TimestampTicks.ShouldBe(Ticks(2024, 3, 6, 23, 2, 16));
    }

    [Fact]
    public void ParseLine_DeviceStyleTimeWithYearAndZone_Parsed()
    {
        var e = LineFormatRunner.ParseOne(Format, "Nov 19 2017 18:22:40.700 UTC 10.17.4.221 app: hello");

        e.Value("timestamp").ShouldBe("Nov 19 2017 18:22:40.700 UTC");
        e.Value("hostname").ShouldBe("10.17.4.221");
        e.TimestampTicks.ShouldBe(Ticks(2017, 11, 19, 18, 22, 40, 700));
    }

    [Fact]
    public void ParseLine_InvalidUtf8_ReplacedNotThrown()
    {
        var result = LineFormatRunner.Parse(Format, [.. "<13>Jan  1 00:00:00 h a: x"u8, 0xff, 0xc3, (byte)'y']);

        result.Events.ShouldHaveSingleItem().Value("message").ShouldBe("x\uFFFD\uFFFDy");
    }

    [Fact]
    public void ReadFile_Rfc3164Sample_MatchesJcWhereItParsed()
    {
        var path = SharedData.Path("syslog", "jc", "syslog-3164.out");
        var result = SourceRunner.ReadFile(path);
        using var jc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));

        result.Errors.ShouldBeEmpty();
        var expected = jc.RootElement.EnumerateArray().ToList();
        result.Events.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = result.Events[i];
            var j = expected[i];
            if (j.TryGetProperty("unparsable", out _))
            {
                // jc gives up on <3444> and on a line without a time; we keep them (see docs/formats-text.md).
                continue;
            }

            e.Values("pri").ShouldBe(Optional(j, "priority"), $"line {e.Location}");
            e.Value("hostname").ShouldBe(j.GetProperty("hostname").GetString(), $"line {e.Location}");
            // jc cuts "sshd(pam_unix)" to "sshd"; we keep the tag as written.
            e.Values("appname").Select(a => a.Split('(')[0]).ShouldBe(Optional(j, "tag"), $"line {e.Location}");
            e.Value("timestamp").ShouldBe(j.GetProperty("date").GetString());

            // jc keeps "[pid]: " in its content; we split it into procid.
            var content = j.GetProperty("content").GetString()!;
            if (e.Values("procid") is [var pid])
            {
                content = content[content.IndexOf('[', StringComparison.Ordinal)..];
                content.ShouldStartWith($"[{pid}]: ");
                content = content[(pid.Length + 4)..];
            }

            e.Value("message").TrimEnd().ShouldBe(content);
        }
    }

    [Fact]
    public void ReadFile_Rfc5424Sample_MatchesJcWhereItParsed()
    {
        var path = SharedData.Path("syslog", "jc", "syslog-5424.out");
        var result = SourceRunner.ReadFile(path);
        using var jc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));

        result.Errors.ShouldBeEmpty();
        var expected = jc.RootElement.EnumerateArray().ToList();
        result.Events.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = result.Events[i];
            var j = expected[i];
            if (j.TryGetProperty("unparsable", out _))
            {
                continue;
            }

            e.Values("pri").ShouldBe(Optional(j, "priority"), $"line {e.Location}");
            e.Values("hostname").ShouldBe(Optional(j, "hostname"), $"line {e.Location}");
            e.Values("appname").ShouldBe(Optional(j, "appname"), $"line {e.Location}");
            e.Values("msgid").ShouldBe(Optional(j, "msg_id"), $"line {e.Location}");
            e.Values("message").ShouldBe(Optional(j, "message"), $"line {e.Location}");
            if (j.GetProperty("structured_data") is { ValueKind: JsonValueKind.Array } sd)
            {
                foreach (var element in sd.EnumerateArray())
                {
                    foreach (var param in element.GetProperty("parameters").EnumerateObject())
                    {
                        e.Value($"{element.GetProperty("identity").GetString()}.{param.Name}").ShouldBe(param.Value.GetString());
                    }
                }
            }

            if (j.TryGetProperty("timestamp_epoch_utc", out var utc) && utc.ValueKind == JsonValueKind.Number)
            {
                (e.TimestampTicks / TimeSpan.TicksPerSecond).ShouldBe(utc.GetInt64() + 62_135_596_800);
            }
        }
    }

    [Theory]
    [InlineData("syslog-3164.out")]
    [InlineData("syslog-5424.out")]
    public void ReadFile_AutoDetection_Syslog(string name)
    {
        var path = SharedData.Path("syslog", "jc", name);

        var auto = SourceRunner.ReadFile(path);
        var forced = SourceRunner.ReadFile(path, EventFileFormat.Syslog);

        auto.Events.Count.ShouldBe(forced.Events.Count);
        auto.Events.Count.ShouldBeGreaterThan(0);
    }

    private static List<string> Optional(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? [value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!]
            : [];
}
