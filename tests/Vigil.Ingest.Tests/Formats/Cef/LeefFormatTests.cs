using Vigil.Ingest.Formats.Cef;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Formats.Syslog;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Cef;

public sealed class LeefFormatTests
{
    private static readonly LeefFormat Format = new(new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    private static long Seconds(long ticks) => ticks / TimeSpan.TicksPerSecond;

    private static long Seconds(int y, int mo, int d, int h, int mi, int s) => Seconds(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).Ticks);

    [Fact]
    public void ParseLine_Leef10_TabSeparatedAttributes()
    {
        var e = LineFormatRunner.ParseOne(Format,
            "LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsev=5\tcat=anomaly\tsrcPort=81\tusrName=joe user\tdevTime=Jan 17 2024 10:15:02");

        e.Value("leef_version").ShouldBe("1.0");
        e.Value("DeviceVendor").ShouldBe("Microsoft");
        e.Value("DeviceProduct").ShouldBe("MSExchange");
        e.Value("DeviceVersion").ShouldBe("4.0 SP1");
        e.Value("EventID").ShouldBe("15345");
        e.Value("src").ShouldBe("192.0.2.0");
        e.Value("usrName").ShouldBe("joe user");
        Seconds(e.TimestampTicks).ShouldBe(Seconds(2024, 1, 17, 10, 15, 2));
    }

    [Theory]
    [InlineData("^", '^')]
    [InlineData("x09", '\t')]
    [InlineData("0x7C", '|')]
    [InlineData("", '\t')]
    public void ParseLine_Leef20_DeclaredDelimiter(string spec, char delimiter)
    {
        var attributes = string.Join(delimiter, "src=10.0.1.8", "dst=10.0.0.5", "usrName=alice b", "devTime=1700000000000");

        var e = LineFormatRunner.ParseOne(Format, $"LEEF:2.0|Lancope|StealthWatch|1.0|41|{spec}|{attributes}");

        e.Value("leef_version").ShouldBe("2.0");
        e.Value("EventID").ShouldBe("41");
        e.Value("src").ShouldBe("10.0.1.8");
        e.Value("dst").ShouldBe("10.0.0.5");
        e.Value("usrName").ShouldBe("alice b");
        Seconds(e.TimestampTicks).ShouldBe(1_700_000_000 + 62_135_596_800);
    }

    [Theory]
    [InlineData("MMM dd yyyy HH:mm:ss.SSS zzz", "Jan 17 2024 10:15:02.250 UTC", 2024, 1, 17, 10, 15, 2)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2024-01-17T10:15:02.250+0100", 2024, 1, 17, 9, 15, 2)]
    [InlineData("dd/MM/yyyy hh:mm:ss a", "17/01/2024 03:15:02 PM", 2024, 1, 17, 15, 15, 2)]
    [InlineData("MMM dd HH:mm:ss", "Dec 30 23:00:00", 2023, 12, 30, 23, 0, 0)]
    public void ParseLine_DevTimeFormat_JavaPattern(string pattern, string value, int y, int mo, int d, int h, int mi, int s)
    {
        var e = LineFormatRunner.ParseOne(Format, $"LEEF:1.0|V|P|1|E|devTimeFormat={pattern}\tdevTime={value}\tsrc=1.2.3.4");

        Seconds(e.TimestampTicks).ShouldBe(Seconds(y, mo, d, h, mi, s));
    }

    [Fact]
    public void ParseLine_SyslogHeader_FieldsKept()
    {
        var e = LineFormatRunner.ParseOne(Format, "<13>Jan 18 11:07:53 192.168.1.1 LEEF:1.0|QRadar|QRM|1.0|NEW_PORT_DISCOVERD|src=172.5.6.67\tdst=172.50.123.1");

        e.Value("hostname").ShouldBe("192.168.1.1");
        e.Value("DeviceVendor").ShouldBe("QRadar");
        e.Value("dst").ShouldBe("172.50.123.1");
        Seconds(e.TimestampTicks).ShouldBe(Seconds(2024, 1, 18, 11, 7, 53));
    }

    [Fact]
    public void ParseLine_Malformed_Reported()
    {
        var result = LineFormatRunner.Parse(Format, "LEEF:1.0|V|P\nLEEF:1.0|V|P|1|E|a=1\nhello\n");

        result.Events.ShouldHaveSingleItem().Value("a").ShouldBe("1");
        result.Errors.Select(e => e.Location).ShouldBe([1L, 3L]);
    }

    [Fact]
    public void ReadFile_AutoDetection_Leef()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.log", "LEEF:2.0|V|P|1|E|^|a=1^b=2\nLEEF:1.0|V|P|1|E|a=3\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.Value("a")).ShouldBe(["1", "3"]);
        _ = EventFileFormat.Leef;
    }
}
