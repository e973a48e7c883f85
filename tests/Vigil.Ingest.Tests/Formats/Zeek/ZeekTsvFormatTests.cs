using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Zeek;

public sealed class ZeekTsvFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_ConnLog_FieldsNamedTypedAndTimed()
    {
        var path = _dir.Write("conn.log", ZeekLogs.ConnHeader
            + "1709632800.123456\tCabc\t10.0.0.5\t49152\t192.0.2.10\t443\ttcp\t-\t1.5e-05\t-\tF\tCx1,Cx2\n"
            + "#close\t2024-03-05-11-00-00\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        var e = result.Events.ShouldHaveSingleItem();
        e.Location.ShouldBe(9);
        e.Names().ShouldBe(["_path", "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "duration", "local_orig", "tunnel_parents", "tunnel_parents"]);
        e.Value("_path").ShouldBe("conn");
        e.Value("id.orig_h").ShouldBe("10.0.0.5");
        e.Kind("id.orig_h").ShouldBe(FieldValueKind.String);
        e.Value("id.resp_p").ShouldBe("443");
        e.Kind("id.resp_p").ShouldBe(FieldValueKind.Number);
        e.Kind("ts").ShouldBe(FieldValueKind.Number);
        e.Kind("duration").ShouldBe(FieldValueKind.Number);
        e.Kind("local_orig").ShouldBe(FieldValueKind.False);
        e.Values("tunnel_parents").ShouldBe(["Cx1", "Cx2"]);
        e.TimestampTicks.ShouldBe(new DateTime(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc).Ticks + 1_234_560);
        System.Text.Encoding.UTF8.GetString(e.Raw).ShouldStartWith("1709632800.123456\tCabc\t");
    }

    [Fact]
    public void Read_EmptyFieldsAndEscapes_EmptyStringAndDecodedBytes()
    {
        var path = _dir.Write("conn.log", ZeekLogs.ConnHeader
            + "1709632800.0\tCabc\t10.0.0.5\t49152\t192.0.2.10\t443\ttcp\t\\x2d\t0.5\t10\tT\t(empty)\n");

        var e = SourceRunner.ReadFile(path).Events.ShouldHaveSingleItem();

        e.Values("tunnel_parents").ShouldBe([string.Empty]);
        e.Value("service").ShouldBe("-");
        e.Kind("local_orig").ShouldBe(FieldValueKind.True);
    }

    [Fact]
    public void Read_ConcatenatedLogs_EachPartNamedByItsOwnHeader()
    {
        var path = _dir.Write("all.log", ZeekLogs.ConnHeader + ZeekLogs.ConnLine(1) + "#close\tx\n"
            + ZeekLogs.DnsHeader + "1709636400.5\tCd\texample.org\t192.0.2.1,192.0.2.2\t60.0,60.0\tF\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.Value("_path")).ShouldBe(["conn", "dns"]);
        var dns = result.Events[1];
        dns.Location.ShouldBe(19);
        dns.Values("answers").ShouldBe(["192.0.2.1", "192.0.2.2"]);
        dns.Values("TTLs").ShouldBe(["60.0", "60.0"]);
        dns.Names().Contains("id.orig_h", StringComparer.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void Read_HeaderChangesPastTheFirstBlock_LaterBlocksUseTheHeaderInForce()
    {
        // Over two 1 MiB blocks of conn lines, then a dns header and more blocks of dns lines.
        var text = new System.Text.StringBuilder(ZeekLogs.ConnLog(25_000));
        text.Append(ZeekLogs.DnsHeader);
        for (var i = 0; i < 30_000; i++)
        {
            text.Append("1709636400.5\tCd\texample.org\t192.0.2.1\t60.0\tF\n");
        }

        var path = _dir.Write("big.log", text.ToString());

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.BatchBytes.Count.ShouldBeGreaterThan(2);
        result.Events.Count.ShouldBe(55_000);
        result.Events.Take(25_000).ShouldAllBe(e => e.GetString("_path") == "conn" && e.GetString("id.resp_h") == "192.0.2.10");
        result.Events.Skip(25_000).ShouldAllBe(e => e.GetString("_path") == "dns" && e.GetString("query") == "example.org");
    }

    [Fact]
    public void Read_WrongNumberOfColumns_ErrorWithLineAndTheNextLinesRead()
    {
        var path = _dir.Write("conn.log", ZeekLogs.ConnHeader + ZeekLogs.ConnLine(1) + "1709632800.0\tCshort\n" + ZeekLogs.ConnLine(2));

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("uid")).ShouldBe(["C1", "C2"]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(10);
        error.Source.ShouldBe(path);
        error.Message.ShouldBe("expected 12 columns as the #fields header declares, found 2; line skipped");
    }

    [Fact]
    public void Read_DataBeforeFieldsHeader_OneClearError()
    {
        var path = _dir.Write("headless.log", "1709632800.0\tC1\n1709632800.0\tC2\n#fields\tts\tuid\n1709632800.0\tC3\n");

        var result = SourceRunner.ReadFile(path, EventFileFormat.ZeekTsv);

        result.Events.ShouldHaveSingleItem().Value("uid").ShouldBe("C3");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(1);
        error.Message.ShouldContain("data line before any #fields header");
        error.Message.ShouldContain("2 line(s) up to line 2 skipped");
    }

    [Fact]
    public void Read_OtherSeparatorAndNoTypes_AllValuesStrings()
    {
        var path = _dir.Write("comma.log", "#separator \\x2c\n#set_separator,|\n#fields,ts,names\n1709632800,a|b\n");

        var e = SourceRunner.ReadFile(path).Events.ShouldHaveSingleItem();

        e.Kind("ts").ShouldBe(FieldValueKind.String);
        e.Value("names").ShouldBe("a|b");
        e.TimestampTicks.ShouldBe(new DateTime(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc).Ticks);
        e.Names().Contains("_path", StringComparer.Ordinal).ShouldBeFalse();
    }

    [Theory]
    [InlineData("SCRANTON_conn.log")]
    [InlineData("SCRANTON_dns.log")]
    [InlineData("SCRANTON_http.log")]
    [InlineData("SCRANTON_kerberos.log")]
    public void Read_OtrfZeekJsonSamples_TimeFromTs(string file)
    {
        var path = SharedData.Path("zeek", "otrf", file);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(File.ReadLines(path).Count(l => l.Length > 0));
        foreach (var e in result.Events)
        {
            EventTimestamp.TryParse(e.Value("ts"), out var ticks).ShouldBeTrue();
            e.TimestampTicks.ShouldBe(ticks);
            e.TimestampTicks.ShouldBeGreaterThan(new DateTime(2020, 4, 29, 0, 0, 0, DateTimeKind.Utc).Ticks);
        }
    }

    [Fact]
    public void Read_OtrfConnSample_FirstTimeExact()
    {
        var first = SourceRunner.ReadFile(SharedData.Path("zeek", "otrf", "SCRANTON_conn.log")).Events[0];

        first.TimestampTicks.ShouldBe(new DateTime(2020, 4, 30, 0, 6, 38, DateTimeKind.Utc).Ticks + 8_997_100);
        first.Value("@stream").ShouldBe("conn");
        first.Value("id_orig_h").ShouldBe("10.0.1.4");
    }
}
