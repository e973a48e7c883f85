using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class FailedLogonModelTests
{
    private static List<BehaviourObservation> QuietBaseline()
    {
        var list = new List<BehaviourObservation>();
        for (var day = 0; day < 15; day++)
        {
            list.Add(Logon(At(day, 9), "fin01", "DC01", "WS-01", "10.0.2.1", success: false));
            list.Add(Logon(At(day, 9.01), "fin01", "DC01", "WS-01", "10.0.2.1"));
        }

        return list;
    }

    [Fact]
    public void Observe_ManyAccountsFailingFromOneSource_ReportsSprayingOnce()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("failed-logon", "failed-logons"));
        var events = QuietBaseline();
        for (var i = 0; i < 30; i++)
        {
            events.Add(Logon(At(16, 10 + (i * 0.005)), $"user{i}", "DC01", "WS-09", "10.0.2.9", success: false));
        }

        Feed(engine, events);

        var spray = engine.Findings.ShouldHaveSingleItem();
        spray.Explanation.ShouldStartWith("10 accounts failed to log on from 10.0.2.9 within 60 min");
        spray.Addresses.ShouldContain("10.0.2.9", StringComparer.Ordinal);
        spray.Evidence.Count.ShouldBe(11);
    }

    [Fact]
    public void Observe_ManyAccountsFailingAtOneDestinationFromManySources_ReportsStuffing()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("failed-logon", "failed-logons", ("spray_users", "50")));
        var events = QuietBaseline();
        for (var i = 0; i < 40; i++)
        {
            events.Add(Logon(At(16, 10 + (i * 0.01)), $"user{i}", "vpn01", null, $"198.51.100.{i % 6}", success: false));
        }

        events.Add(Logon(At(16, 10.5), "user7", "vpn01", null, "198.51.100.1"));
        Feed(engine, events);

        var stuffing = engine.Findings.ShouldHaveSingleItem();
        stuffing.Explanation.ShouldStartWith("20 accounts failed to log on at vpn01 within 60 min from 6 sources; its busiest baseline window had 0");
    }

    [Fact]
    public void Observe_SuccessFromSprayingSource_ReportsIt()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("failed-logon", "failed-logons"));
        var events = QuietBaseline();
        for (var i = 0; i < 12; i++)
        {
            events.Add(Logon(At(16, 10 + (i * 0.005)), $"fin{i + 1:00}", "DC01", "WS-09", "10.0.2.9", success: false));
        }

        events.Add(Logon(At(16, 10.2), "fin05", "DC01", "WS-09", "10.0.2.9"));
        Feed(engine, events);

        engine.Findings.Count.ShouldBe(2);
        engine.Findings[1].Explanation.ShouldStartWith("fin05 logged on successfully from 10.0.2.9 after failing there");
        engine.Findings[1].Severity.ShouldBe("critical"); // 85, weighed by DC01 being critical
    }

    [Fact]
    public void Observe_FewFailures_StaysQuiet()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("failed-logon", "failed-logons"));
        var events = QuietBaseline();
        for (var i = 0; i < 5; i++)
        {
            events.Add(Logon(At(16, 10 + (i * 0.01)), $"user{i}", "DC01", "WS-09", "10.0.2.9", success: false));
        }

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }
}
