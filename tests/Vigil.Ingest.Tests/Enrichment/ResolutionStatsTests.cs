using Vigil.Ingest.Enrichment.Statistics;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class ResolutionStatsTests
{
    private static readonly Vigil.Ingest.Enrichment.OrganizationContext Context = ContextFolder.Load(
        ("identities.csv", "id,aliases\na1,CORP\\jdoe\na2,LAB\\jdoe\nb,CORP\\bob\n"),
        ("assets.csv", "name,ip\nDC01,10.0.0.1\n")).Context;

    [Fact]
    public void Record_CountsPerSourceAndKeepsTopUnresolved()
    {
        var stats = new ResolutionStats(topCount: 2);
        void User(string source, string raw) => stats.RecordUser(source, raw, Context.Identities.Resolve(raw));
        void Host(string source, string raw) => stats.RecordHost(source, raw, Context.Assets.Resolve(raw));

        User("okta", "bob");
        User("okta", "ghost");
        User("okta", "ghost");
        User("okta", "phantom");
        User("okta", "wraith");
        User("okta", "ghost");
        User("okta", "jdoe");
        User("okta", "SYSTEM");
        User("okta", "FS01$");
        User("okta", "-");
        Host("okta", "DC01");
        Host("okta", "ws-9");
        Host("okta", "-");
        Host("syslog", "10.0.0.1");

        var okta = stats.Snapshot()[0];
        okta.Source.ShouldBe("okta");
        (okta.UsersResolved, okta.UsersUnresolved, okta.UsersAmbiguous, okta.UsersSystem).ShouldBe((1L, 5L, 1L, 2L));
        (okta.HostsResolved, okta.HostsUnresolved).ShouldBe((1L, 1L));
        okta.TopUnresolvedUsers.Select(v => (v.Value, v.Count)).ShouldBe([("ghost", 3L), ("phantom", 1L)]);
        okta.TopAmbiguousUsers.ShouldHaveSingleItem().Value.ShouldBe("jdoe");
        okta.TopUnresolvedHosts.ShouldHaveSingleItem().Value.ShouldBe("ws-9");
        stats.Snapshot()[1].HostsResolved.ShouldBe(1);
    }

    [Fact]
    public void Record_ManyDistinctValues_StaysBoundedAndKeepsHeavyHitters()
    {
        var stats = new ResolutionStats(topCount: 3);
        var unresolved = Context.Identities.Resolve("nobody");
        Parallel.For(0, 100_000, i =>
        {
            stats.RecordUser("s", i % 10 == 0 ? "heavy" : $"noise{i}", unresolved);
        });

        var summary = stats.Snapshot().ShouldHaveSingleItem();
        summary.UsersUnresolved.ShouldBe(100_000);
        summary.TopUnresolvedUsers.Count.ShouldBe(3);
        summary.TopUnresolvedUsers[0].Value.ShouldBe("heavy");
        summary.TopUnresolvedUsers[0].Count.ShouldBeGreaterThanOrEqualTo(10_000);
    }
}
