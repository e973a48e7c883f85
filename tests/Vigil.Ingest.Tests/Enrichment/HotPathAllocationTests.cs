using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class HotPathAllocationTests
{
    private static readonly OrganizationContext Context = ContextFolder.Load(
        ("assets.csv", "name,fqdn,ip\nDC01,dc01.corp.example,10.20.0.10\nNet,,10.20.0.0/16\n"),
        ("identities.csv", "id,sam,aliases\njdoe,jdoe,CORP\\jdoe;jdoe@corp.example\n"),
        ("indicators.csv", "type,value\nip,198.51.100.0/24\ndomain,evil.example\nsha256,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n")).Context;

    [Fact]
    public void Lookups_DoNotAllocate()
    {
        var ticks = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        void Run()
        {
            Context.Assets.Resolve("dc01.corp.example".AsSpan());
            Context.Assets.Resolve("10.20.9.9".AsSpan());
            Context.Assets.Resolve("unknown-host".AsSpan());
            Context.Identities.Resolve(@"CORP\jdoe".AsSpan());
            Context.Identities.Resolve("corp/jdoe".AsSpan());
            Context.Identities.Resolve("jdoe@corp.example".AsSpan());
            Context.Identities.Resolve("nobody".AsSpan());
            Context.Identities.Resolve("NT AUTHORITY\\SYSTEM".AsSpan());
            Context.Indicators.Match(IndicatorKind.IpAddress, "198.51.100.7", ticks);
            Context.Indicators.Match(IndicatorKind.DomainName, "a.b.evil.example", ticks);
            Context.Indicators.Match(IndicatorKind.Sha256, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", ticks);
        }

        // Warm up past tiered compilation: a method promoted mid-loop can allocate on the thread (a flaky failure).
        for (var i = 0; i < 500; i++)
        {
            Run();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
