using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class RarePairModelTests
{
    /// <summary>Weekdays of days 0-15: every analyst (but fin12) logs on to its workstation and FS-01; fin03-fin08 also use FS-02; admin1 uses FS-03..06 and SRV-DB.</summary>
    private static List<BehaviourObservation> Baseline()
    {
        var list = new List<BehaviourObservation>();
        for (var day = 0; day < 16; day++)
        {
            if (day % 7 >= 5)
            {
                continue;
            }

            for (var i = 1; i <= 11; i++)
            {
                var user = $"fin{i:00}";
                list.Add(Logon(At(day, 9 + (i * 0.01)), user, $"WS-{i:00}", logonType: 2));
                list.Add(Logon(At(day, 9.5 + (i * 0.01)), user, "FS-01", $"WS-{i:00}", $"10.0.2.{i}"));
                if (i is >= 3 and <= 8)
                {
                    list.Add(Logon(At(day, 10 + (i * 0.01)), user, "FS-02", $"WS-{i:00}", $"10.0.2.{i}"));
                }
            }

            foreach (var host in new[] { "FS-03", "FS-04", "FS-05", "FS-06", "SRV-DB" })
            {
                list.Add(Logon(At(day, 11), "admin1", host, "JUMP01", "10.0.0.5"));
            }
        }

        return list;
    }

    [Fact]
    public void Observe_HostNoPeerUses_ReportsFindingWithPeerNumbers()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host")));
        var events = Baseline();
        events.Add(Logon(At(17, 10), "fin01", "SRV-DB", "WS-01", "10.0.2.1"));

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldContain("first logon by fin01 to SRV-DB");
        finding.Explanation.ShouldContain("0 of 11 finance-analysts peers have it");
        finding.Numbers.ShouldContain(n => n.Key == "peers" && n.Value == 11);
        finding.Factors.ShouldContain(f => f.Contains("criticality high", StringComparison.Ordinal));
        finding.Score.ShouldBe(55 * 1.1, 0.1);
        finding.Severity.ShouldBe("medium");
        finding.Users.ShouldHaveSingleItem().Canonical.ShouldBe("fin01");
        finding.Hosts.ShouldHaveSingleItem().Canonical.ShouldBe("SRV-DB");
        finding.Evidence.ShouldHaveSingleItem().Source.ShouldBe("test.log");
    }

    [Fact]
    public void Observe_HostManyPeersUse_StaysQuiet()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host")));
        var events = Baseline();
        events.Add(Logon(At(17, 10), "fin01", "FS-02", "WS-01", "10.0.2.1"));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
        engine.BelowThreshold.ShouldBe(1);
    }

    [Fact]
    public void Observe_SeveralNewHostsWithinAnHour_EscalatesPastTheCooldown()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host")));
        var events = Baseline();
        var hosts = new[] { "FS-03", "FS-04", "FS-05", "FS-06" };
        for (var i = 0; i < hosts.Length; i++)
        {
            events.Add(Logon(At(17, 14 + (i * 0.1)), "fin02", hosts[i], "WS-02", "10.0.2.2"));
        }

        Feed(engine, events);

        engine.Findings.Count.ShouldBe(2);
        engine.Findings[0].Severity.ShouldBe("medium");
        var burst = engine.Findings[1];
        burst.Severity.ShouldBe("high");
        burst.Explanation.ShouldContain("4 new hosts for fin02 within 60 min");
        burst.Numbers.ShouldContain(n => n.Key == "new_partners_in_window" && n.Value == 4);
    }

    [Fact]
    public void Observe_DuringLearning_OnlyLearns()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host")));
        var events = Baseline();
        events.Add(Logon(At(10, 10), "fin01", "SRV-DB", "WS-01", "10.0.2.1"));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
        engine.BelowThreshold.ShouldBe(0);
    }

    [Fact]
    public void Observe_NewUserWithLittleHistory_IsDamped()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host")));
        var events = Baseline();
        events.Add(Logon(At(16, 9), "fin12", "WS-12", logonType: 2));
        events.Add(Logon(At(17, 10), "fin12", "SRV-DB", "WS-12", "10.0.2.12"));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_ServiceAccountInteractive_ScoresHigh()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "service-account-logon", ("pair", "user-logon-type")));
        var events = new List<BehaviourObservation>();
        for (var day = 0; day < 16; day++)
        {
            events.Add(Logon(At(day, 2), "svc-sql", "SRV-DB", logonType: 5));
            events.Add(Logon(At(day, 3), "svc-sql", "SRV-APP", "SRV-DB", "10.0.1.20", logonType: 3));
        }

        events.Add(Logon(At(17, 22), "svc-sql", "SRV-DB", "WS-05", "10.0.2.5", logonType: 10));
        events.Add(Logon(At(17, 23), "fin01", "WS-01", logonType: 11));

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldContain("service account svc-sql logged on remote-interactive (type 10)");
        finding.Explanation.ShouldContain("network, service");
        finding.Score.ShouldBe(80 * 1.1, 0.1);
    }

    [Fact]
    public void Observe_ManyEntities_KeepsMemoryBounded()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("rare-pair", "rare-logon-host", ("pair", "user-host"), ("max_entities", "100")));
        var events = Enumerable.Range(0, 1000).Select(i => Logon(At(0, i * 0.001), $"user{i}", $"host{i}")).ToList();

        Feed(engine, events);

        engine.Models[0].TrackedEntities.ShouldBeLessThanOrEqualTo(2 * 100);
    }
}
