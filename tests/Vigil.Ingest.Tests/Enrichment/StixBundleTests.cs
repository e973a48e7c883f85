using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class StixBundleTests
{
    private static readonly DateTimeOffset EventTime = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private static string Indicator(string id, string pattern, string extra = "")
        => $$"""
            {
              "type": "indicator", "spec_version": "2.1", "id": "indicator--{{id}}",
              "pattern": {{System.Text.Json.JsonSerializer.Serialize(pattern)}}, "pattern_type": "stix",
              "valid_from": "2026-01-01T00:00:00Z"{{extra}}
            }
            """;

    private static string Bundle(params string[] objects)
        => "{\n  \"type\": \"bundle\",\n  \"id\": \"bundle--1\",\n  \"objects\": [\n" + string.Join(",\n", objects) + "\n  ]\n}\n";

    [Theory]
    [InlineData("[ipv4-addr:value = '203.0.113.9']", IndicatorKind.IpAddress, "203.0.113.9")]
    [InlineData("[ipv4-addr:value = '203.0.113.0/24']", IndicatorKind.IpAddress, "203.0.113.77")]
    [InlineData("[ipv6-addr:value = '2001:db8::1']", IndicatorKind.IpAddress, "2001:db8:0::1")]
    [InlineData("[domain-name:value = 'evil.example']", IndicatorKind.DomainName, "www.evil.example")]
    [InlineData("[url:value = 'http://evil.example/a?b=\\'c\\'']", IndicatorKind.Url, "http://evil.example/a?b='c'")]
    [InlineData("[email-addr:value = 'x@evil.example']", IndicatorKind.EmailAddress, "x@evil.example")]
    [InlineData("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", IndicatorKind.Md5, "D41D8CD98F00B204E9800998ECF8427E")]
    [InlineData("[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']", IndicatorKind.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']", IndicatorKind.Sha256, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("[domain-name:value = 'a.example' OR domain-name:value = 'evil.example']", IndicatorKind.DomainName, "evil.example")]
    [InlineData("[ipv4-addr:value = '192.0.2.1'] OR [url:value = 'http://x.example/']", IndicatorKind.Url, "http://x.example/")]
    [InlineData("  [ ipv4-addr:value='192.0.2.1' ]OR[ipv4-addr:value = '192.0.2.2' ]  ", IndicatorKind.IpAddress, "192.0.2.2")]
    public void Load_SupportedPattern_Matches(string pattern, IndicatorKind kind, string value)
    {
        var result = ContextFolder.Load(("indicators/feed.json", Bundle(Indicator("a", pattern))));

        result.Errors.ShouldBeEmpty();
        result.Context.Indicators.Match(kind, value, EventTime).ShouldNotBeNull().Id.ShouldBe("indicator--a");
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'x.example']", "only OR")]
    [InlineData("[ipv4-addr:value != '1.2.3.4']", "operator")]
    [InlineData("[domain-name:value MATCHES 'x']", "operator")]
    [InlineData("[process:name = 'evil.exe']", "object path 'process:name'")]
    [InlineData("[file:hashes.'SHA-512' = 'ab']", "object path")]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] WITHIN 300 SECONDS", "only OR")]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']", "only OR")]
    [InlineData("ipv4-addr:value = '1.2.3.4'", "expected '['")]
    [InlineData("[ipv4-addr:value = '1.2.3.4", "not closed")]
    [InlineData("[ipv4-addr:value = 'not-an-ip']", "not an IP")]
    [InlineData("[file:hashes.MD5 = 'xyz']", "not a Md5 hash")]
    public void Load_UnsupportedOrBadPattern_IsReportedWithIdAndLine(string pattern, string reason)
    {
        var result = ContextFolder.Load(("feed.json", Bundle(Indicator("ok", "[ipv4-addr:value = '192.0.2.1']"), Indicator("bad", pattern))));

        var error = result.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("feed.json");
        error.Line.ShouldBe(10);
        error.Message.ShouldContain("indicator--bad");
        error.Message.ShouldContain(reason);
        result.Context.Indicators.All.ShouldHaveSingleItem().Id.ShouldBe("indicator--ok");
    }

    [Fact]
    public void Load_ValidityConfidenceSourceLabelsKillChain_AreKept()
    {
        var result = ContextFolder.Load(("feed.json", Bundle(
            """{ "type": "identity", "id": "identity--isac", "name": "Demo ISAC" }""",
            Indicator("a", "[ipv4-addr:value = '203.0.113.9']", """
                , "valid_until": "2026-12-01T00:00:00Z", "confidence": 85, "created_by_ref": "identity--isac",
                "labels": ["loader"], "description": "loader host",
                "kill_chain_phases": [{ "kill_chain_name": "mitre-attack", "phase_name": "command-and-control" }]
                """))));

        result.Errors.ShouldBeEmpty();
        var indicator = result.Context.Indicators.All.ShouldHaveSingleItem();
        indicator.ValidFrom.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        indicator.ValidUntil.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        indicator.Confidence.ShouldBe(85);
        indicator.Source.ShouldBe("Demo ISAC");
        indicator.Labels.ShouldBe(["loader"]);
        indicator.KillChainPhases.ShouldBe(["mitre-attack:command-and-control"]);
        indicator.Description.ShouldBe("loader host");
        result.Context.Indicators.Match(IndicatorKind.IpAddress, "203.0.113.9", new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero)).ShouldBeNull();
        result.Context.Indicators.Match(IndicatorKind.IpAddress, "203.0.113.9", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBeNull();
    }

    [Fact]
    public void Load_AttackMapping_FromExternalReferencesAndRelationships()
    {
        var result = ContextFolder.Load(
            ("a.json", Bundle(
                Indicator("a", "[domain-name:value = 'evil.example']", """
                    , "external_references": [
                        { "source_name": "mitre-attack", "external_id": "T1071.001" },
                        { "source_name": "mitre-attack", "external_id": "TA0011" },
                        { "source_name": "other", "external_id": "T9999" }]
                    """),
                """{ "type": "relationship", "id": "relationship--1", "relationship_type": "indicates", "source_ref": "indicator--a", "target_ref": "attack-pattern--p" }""",
                """{ "type": "relationship", "id": "relationship--2", "relationship_type": "uses", "source_ref": "indicator--a", "target_ref": "attack-pattern--q" }""")),
            ("b.json", Bundle(
                """{ "type": "attack-pattern", "id": "attack-pattern--p", "name": "Brute Force", "external_references": [{ "source_name": "mitre-attack", "external_id": "T1110" }] }""",
                """{ "type": "attack-pattern", "id": "attack-pattern--q", "name": "Valid Accounts", "external_references": [{ "source_name": "mitre-attack", "external_id": "T1078" }] }""")));

        result.Errors.ShouldBeEmpty();
        result.Context.Indicators.All.ShouldHaveSingleItem().Techniques.ShouldBe(["T1071.001", "T1110"]);
    }

    [Theory]
    [InlineData("""{ "type": "bundle", "objects": [ { "type": "indicator", """, "invalid JSON")]
    [InlineData("""{ "type": "report", "objects": [] }""", "expected \"type\": \"bundle\"")]
    [InlineData("[1, 2]", "expected a STIX bundle")]
    public void Load_NotABundle_IsReported(string json, string reason)
    {
        var result = ContextFolder.Load(("feed.json", json));

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain(reason);
    }

    [Fact]
    public void Load_BadTimesAndRevoked_AreHandled()
    {
        var result = ContextFolder.Load(("feed.json", Bundle(
            Indicator("late", "[ipv4-addr:value = '192.0.2.1']", """, "valid_until": "2025-01-01T00:00:00Z" """),
            Indicator("garbled", "[ipv4-addr:value = '192.0.2.2']", """, "valid_until": "soon" """),
            Indicator("conf", "[ipv4-addr:value = '192.0.2.3']", """, "confidence": 101 """),
            Indicator("revoked", "[ipv4-addr:value = '192.0.2.4']", """, "revoked": true """),
            Indicator("other", "[ipv4-addr:value = '192.0.2.5']", """, "x": 1 """))));

        result.Errors.Select(e => e.Message).ShouldSatisfyAllConditions(
            m => m.Count().ShouldBe(3),
            m => m.ShouldContain(x => x.Contains("indicator--late", StringComparison.Ordinal) && x.Contains("not after", StringComparison.Ordinal)),
            m => m.ShouldContain(x => x.Contains("indicator--garbled", StringComparison.Ordinal)),
            m => m.ShouldContain(x => x.Contains("indicator--conf", StringComparison.Ordinal)));
        result.Context.Indicators.All.ShouldHaveSingleItem().Id.ShouldBe("indicator--other");
    }

    [Fact]
    public void Load_OtherPatternType_IsUnsupported()
    {
        var json = Bundle("""{ "type": "indicator", "id": "indicator--s", "pattern": "title: x", "pattern_type": "sigma", "valid_from": "2026-01-01T00:00:00Z" }""");

        var error = ContextFolder.Load(("feed.json", json)).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("unsupported pattern_type 'sigma'");
        error.Line.ShouldBe(5);
    }

    [Fact]
    public void Load_DeeplyNestedJson_IsReportedNotCrashing()
    {
        var json = "{\"type\":\"bundle\",\"objects\":[" + new string('[', 10_000) + new string(']', 10_000) + "]}";

        ContextFolder.Load(("feed.json", json)).Errors.ShouldHaveSingleItem().Message.ShouldContain("invalid JSON");
    }
}
