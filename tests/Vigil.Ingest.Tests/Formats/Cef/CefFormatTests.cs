using System.Text.Json;
using Vigil.Ingest.Formats.Cef;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Formats.Syslog;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Cef;

public sealed class CefFormatTests
{
    private static readonly CefFormat Format = new(new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void ParseLine_Header_EscapesRemoved()
    {
        var e = LineFormatRunner.ParseOne(Format, @"CEF:0|Secu\|rity|threat\\manager|1.0|100|worm successfully stopped|10|src=10.0.0.1");

        e.Value("cef_version").ShouldBe("0");
        e.Value("DeviceVendor").ShouldBe("Secu|rity");
        e.Value("DeviceProduct").ShouldBe(@"threat\manager");
        e.Value("DeviceVersion").ShouldBe("1.0");
        e.Value("DeviceEventClassID").ShouldBe("100");
        e.Value("Name").ShouldBe("worm successfully stopped");
        e.Value("Severity").ShouldBe("10");
        e.Value("src").ShouldBe("10.0.0.1");
    }

    [Fact]
    public void ParseLine_Extension_SpacesEscapesAndLabels()
    {
        var e = LineFormatRunner.ParseOne(Format,
            @"CEF:0|V|P|1|2|N|5|src=10.0.0.1 msg=Detected a threat. No action needed\nsecond line a\=b c\\d  "
            + "cs1Label=Rule Name cs1=Block all cn1=42 cn1Label=Count deviceCustomDate1=Nov 08 2022 12:30:00 deviceCustomDate1Label=myDate suser=bob smith");

        e.Value("msg").ShouldBe("Detected a threat. No action needed\nsecond line a=b c\\d");
        e.Value("cs1").ShouldBe("Block all");
        e.Value("cs1Label").ShouldBe("Rule Name");
        e.Value("Rule Name").ShouldBe("Block all");
        e.Value("Count").ShouldBe("42");
        e.Value("myDate").ShouldBe("Nov 08 2022 12:30:00");
        e.Value("suser").ShouldBe("bob smith");
    }

    [Theory]
    [InlineData("rt=1566300670892", 2019, 8, 20, 11, 31, 10)]
    [InlineData("rt=Nov 08 2020 12:30:00.111 UTC", 2020, 11, 8, 12, 30, 0)]
    [InlineData("rt=Nov 19, 2014 18:21:13 +02:00", 2014, 11, 19, 16, 21, 13)]
    [InlineData("rt=2021-06-18T10:55:50Z", 2021, 6, 18, 10, 55, 50)]
    [InlineData("rt=garbage end=1566300670892", 2019, 8, 20, 11, 31, 10)]
    [InlineData("start=Jan 02 03:04:05", 2024, 1, 2, 3, 4, 5)]
    public void ParseLine_DeviceTime_FromRtEndOrStart(string extension, int y, int mo, int d, int h, int mi, int s)
    {
        var e = LineFormatRunner.ParseOne(Format, "CEF:0|V|P|1|2|N|5|" + extension);

        (e.TimestampTicks / TimeSpan.TicksPerSecond).ShouldBe(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void ParseLine_SyslogHeader_FieldsAndTime()
    {
        var e = LineFormatRunner.ParseOne(Format, "<189>1 2021-06-18T10:55:50.000003Z host app - - - CEF:0|Elastic|Vaporware|1.0.0-alpha|18|Web request|low|eventId=3457 msg=hello");

        e.Value("facility").ShouldBe("local7");
        e.Value("hostname").ShouldBe("host");
        e.Value("appname").ShouldBe("app");
        e.Values("message").ShouldBeEmpty();
        e.Value("DeviceVendor").ShouldBe("Elastic");
        e.Value("msg").ShouldBe("hello");
        e.TimestampTicks.ShouldBe(new DateTime(2021, 6, 18, 10, 55, 50, DateTimeKind.Utc).Ticks + 30);
    }

    [Fact]
    public void ParseLine_Malformed_ReportedWithLineAndNeighboursRead()
    {
        var result = LineFormatRunner.Parse(Format, "CEF:0|V|P|1|2|N|5|a=1\nnot cef\nCEF:0|V|P\nCEF:0|V|P|1|2|N|5|a=2\n");

        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "2"]);
        result.Errors.Select(e => e.Location).ShouldBe([2L, 3L]);
        result.Errors[1].Message.ShouldContain("byte offset 0");
    }

    [Fact]
    public void ReadFile_JcSample_HeaderAndExtensionsMatch()
    {
        var path = SharedData.Path("cef", "jc", "cef.out");
        var result = SourceRunner.ReadFile(path);
        using var jc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));

        // jc's derived fields, and keys where jc differs on purpose: it unescapes \" and \] and splits a quoted msg.
        string[] skip = ["agentSeverityString", "agentSeverityNum", "deviceEventClassIdNum", "CEFVersion", "string", "Description"];
        var expected = jc.RootElement.EnumerateArray().Where(j => !j.TryGetProperty("unparsable", out _)).ToList();
        result.Events.Count.ShouldBe(expected.Count);
        result.Errors.ShouldHaveSingleItem().Location.ShouldBe(21);
        var compared = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = result.Events[i];
            var j = expected[i];
            e.Value("DeviceVendor").ShouldBe(j.GetProperty("deviceVendor").GetString());
            e.Value("DeviceProduct").ShouldBe(j.GetProperty("deviceProduct").GetString());
            e.Value("DeviceVersion").ShouldBe(j.GetProperty("deviceVersion").GetString());
            e.Value("DeviceEventClassID").ShouldBe(j.GetProperty("deviceEventClassId").GetString());
            e.Value("Name").ShouldBe(j.GetProperty("name").GetString());
            e.Value("Severity").ShouldBe(j.GetProperty("agentSeverity").GetString());
            e.Value("cef_version").ShouldBe("0");
            foreach (var property in j.EnumerateObject())
            {
                if (skip.Contains(property.Name, StringComparer.Ordinal) || property.Value.ValueKind != JsonValueKind.String || e.Values(property.Name) is not [var ours])
                {
                    continue;
                }

                ours.ShouldBe(property.Value.GetString(), $"line {e.Location} key {property.Name}");
                compared++;
            }
        }

        compared.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void ReadFile_AutoDetection_Cef()
    {
        var result = SourceRunner.ReadFile(SharedData.Path("cef", "jc", "cef.out"));
        var forced = SourceRunner.ReadFile(SharedData.Path("cef", "jc", "cef.out"), EventFileFormat.Cef);

        result.Events.Count.ShouldBe(forced.Events.Count);
        result.Events[0].Value("DeviceVendor").ShouldBe("Fortinet");
    }
}
