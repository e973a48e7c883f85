using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class IndicatorSetTests
{
    private const string Csv = """
        type,value,confidence,source,valid_from,valid_until,attack,description
        ip,203.0.113.88,80,intel,2026-10-01T00:00:00Z,2026-12-01T00:00:00Z,T1105,payload host
        ipv4-addr,198.51.100.0/26,60,intel,,,T1110;t1078,"spray range, wide"
        ip,198.51.100.0/28,90,intel,2027-01-01T00:00:00Z,,,future narrow range
        ipv6-addr,2001:db8:bad::/48,50,intel,,,,
        ip,2001:db8::dead,55,intel,,,,
        domain,Evil.Example.,90,intel,,2026-11-01T00:00:00Z,T1071.001,expired
        domain,c2.example,70,intel,,,,
        url,http://203.0.113.50/msupd.txt,70,intel,,,,
        email,phish@bad.example,40,intel,,,,
        md5,D41D8CD98F00B204E9800998ECF8427E,30,intel,,,,
        sha1,da39a3ee5e6b4b0d3255bfef95601890afd80709,30,intel,,,,
        sha256,E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,30,intel,,,,
        """;

    private static readonly DateTimeOffset EventTime = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private static readonly IndicatorSet Set = LoadSet();

    private static IndicatorSet LoadSet()
    {
        var result = ContextFolder.Load(("indicators.csv", Csv));
        result.Errors.ShouldBeEmpty();
        return result.Context.Indicators;
    }

    [Theory]
    [InlineData(IndicatorKind.IpAddress, "203.0.113.88", "203.0.113.88")]
    [InlineData(IndicatorKind.IpAddress, "203.000.113.088", "203.0.113.88")]
    [InlineData(IndicatorKind.IpAddress, "::ffff:203.0.113.88", "203.0.113.88")]
    [InlineData(IndicatorKind.IpAddress, "198.51.100.5", "198.51.100.0/26")]
    [InlineData(IndicatorKind.IpAddress, "2001:db8:bad:1::9", "2001:db8:bad::/48")]
    [InlineData(IndicatorKind.IpAddress, "2001:0DB8:0000::DEAD", "2001:db8::dead")]
    [InlineData(IndicatorKind.DomainName, "C2.EXAMPLE", "c2.example")]
    [InlineData(IndicatorKind.DomainName, "a.b.c2.example.", "c2.example")]
    [InlineData(IndicatorKind.Url, "HTTP://203.0.113.50/msupd.txt", "http://203.0.113.50/msupd.txt")]
    [InlineData(IndicatorKind.EmailAddress, "Phish@Bad.Example", "phish@bad.example")]
    [InlineData(IndicatorKind.Md5, "d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(IndicatorKind.Sha1, "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData(IndicatorKind.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Match_CanonicalForms_Match(IndicatorKind kind, string value, string indicator)
    {
        Set.Match(kind, value, EventTime).ShouldNotBeNull().Value.ShouldBe(indicator);
    }

    [Theory]
    [InlineData(IndicatorKind.IpAddress, "203.0.113.89")]
    [InlineData(IndicatorKind.IpAddress, "198.51.100.64")]
    [InlineData(IndicatorKind.IpAddress, "not-an-ip")]
    [InlineData(IndicatorKind.DomainName, "notc2.example")]
    [InlineData(IndicatorKind.DomainName, "example")]
    [InlineData(IndicatorKind.Url, "http://203.0.113.50/other")]
    [InlineData(IndicatorKind.Md5, "d41d8cd98f00b204e9800998ecf8427f")]
    [InlineData(IndicatorKind.Sha256, "")]
    public void Match_Other_IsNull(IndicatorKind kind, string value)
    {
        Set.Match(kind, value, EventTime).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-09-30T23:59:59Z", false)]
    [InlineData("2026-10-01T00:00:00Z", true)]
    [InlineData("2026-11-30T23:59:59Z", true)]
    [InlineData("2026-12-01T00:00:00Z", false)]
    public void Match_ValidityWindow_IsCheckedAtEventTime(string eventTime, bool matches)
    {
        var time = DateTimeOffset.Parse(eventTime, System.Globalization.CultureInfo.InvariantCulture);

        (Set.Match(IndicatorKind.IpAddress, "203.0.113.88", time) is not null).ShouldBe(matches);
    }

    [Fact]
    public void Match_UntilOnlyAndNoBounds_AreHonoured()
    {
        Set.Match(IndicatorKind.DomainName, "evil.example", new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero)).ShouldNotBeNull();
        Set.Match(IndicatorKind.DomainName, "evil.example", EventTime).ShouldBeNull();
        Set.Match(IndicatorKind.DomainName, "c2.example", DateTimeOffset.MinValue).ShouldNotBeNull();
        Set.Match(IndicatorKind.DomainName, "c2.example", DateTimeOffset.MaxValue).ShouldNotBeNull();
    }

    [Fact]
    public void Match_PrefixNotYetValid_FallsBackToShorterValidPrefix()
    {
        Set.Match(IndicatorKind.IpAddress, "198.51.100.3", EventTime)!.Value.ShouldBe("198.51.100.0/26");
        Set.Match(IndicatorKind.IpAddress, "198.51.100.3", new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero))!.Value.ShouldBe("198.51.100.0/28");
    }

    [Fact]
    public void Load_CsvFields_AreKept()
    {
        var spray = Set.Match(IndicatorKind.IpAddress, "198.51.100.1", EventTime).ShouldNotBeNull();

        spray.Techniques.ShouldBe(["T1110", "T1078"]);
        spray.Confidence.ShouldBe(60);
        spray.Source.ShouldBe("intel");
        spray.Description.ShouldBe("spray range, wide");
        spray.Origin.ShouldBe("indicators.csv:3");
        spray.ValidFrom.ShouldBeNull();
        Set.CountExpired(EventTime).ShouldBe(1);
    }

    [Theory]
    [InlineData("hash,abc,,,,,,", "'type'")]
    [InlineData("md5,abc,,,,,,", "'value'")]
    [InlineData("ip,10.0.0.1,101,,,,,", "'confidence'")]
    [InlineData("ip,10.0.0.1,,,yesterday,,,", "'valid_from'")]
    [InlineData("ip,10.0.0.1,,,2026-02-01,2026-01-01,,", "'valid_until'")]
    [InlineData("ip,10.0.0.1,,,,,T11,", "'attack'")]
    [InlineData("domain,,,,,,,", "'value'")]
    public void Load_BadRow_IsReportedAndTheRestLoads(string row, string field)
    {
        var result = ContextFolder.Load(("intel/indicators-feed.csv", "type,value,confidence,source,valid_from,valid_until,attack,description\n" + row + "\nip,192.0.2.1,,,,,,\n"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("intel/indicators-feed.csv");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain(field);
        result.Context.Indicators.All.ShouldHaveSingleItem().Value.ShouldBe("192.0.2.1");
    }
}
