using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class TimeProfileModelTests
{
    /// <summary>Three weeks of weekday logons between 08:00 and 17:00 for admin1 and admin2.</summary>
    private static List<BehaviourObservation> OfficeHours()
    {
        var list = new List<BehaviourObservation>();
        for (var day = 0; day < 21; day++)
        {
            if (day % 7 >= 5)
            {
                continue;
            }

            foreach (var user in new[] { "admin1", "admin2" })
            {
                for (var hour = 8; hour <= 17; hour += 3)
                {
                    list.Add(Logon(At(day, hour + 0.2), user, "SRV-APP", "JUMP01", "10.0.0.5", logonType: 10));
                }
            }
        }

        return list;
    }

    [Fact]
    public void Observe_WeekendNightLogonToDc_ReportsCriticalWithReasons()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        events.Add(Logon(At(26, 3), "admin1", "DC01", "WS-07", "10.0.2.7", logonType: 10)); // Saturday 03:00

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldContain("logon by admin1 at Sat 03:00 UTC to DC01: 0 of 60 baseline logons at this hour");
        finding.Explanation.ShouldContain("on other days");
        finding.Severity.ShouldBe("critical");
        finding.Factors.Count.ShouldBe(2); // DC01 critical, admin1 privileged
    }

    [Fact]
    public void Observe_LogonAnHourAfterUsual_StaysQuiet()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        events.Add(Logon(At(22, 19), "admin1", "SRV-APP", "JUMP01", "10.0.0.5", logonType: 10)); // Tuesday 19:00

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NetworkLogonsAtNight_AreNotProfiled()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        events.Add(Logon(At(26, 3), "admin1", "DC01", "WS-07", "10.0.2.7", logonType: 3));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_InsideMaintenanceWindow_IsLoweredAndSaysSo()
    {
        using var fixture = new BehaviourFixture(maintenance: """
            windows:
              - name: patch-night
                cron: "0 1 * * 6"
                duration: 4h
                assets: [tag:domain-controller]
            """);
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        events.Add(Logon(At(26, 3), "admin1", "DC01", "WS-07", "10.0.2.7", logonType: 10));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
        engine.Lowered.ShouldBe(1);
        engine.BelowThreshold.ShouldBe(1);
    }

    [Fact]
    public void Observe_ApprovedAccessPattern_IsLowered()
    {
        using var fixture = new BehaviourFixture(privilegedAccess: """
            approved:
              - name: admins-via-jump
                users: [group:IT Admins]
                from: [tag:jump-host]
                to: [type:server]
            """);
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        events.Add(Logon(At(26, 3), "admin1", "DC01", "JUMP01", "10.0.0.5", logonType: 10));
        events.Add(Logon(At(27, 3), "admin2", "DC01", "WS-07", "10.0.2.7", logonType: 10));

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Users[0].Canonical.ShouldBe("admin2");
        engine.Lowered.ShouldBe(1);
    }

    [Fact]
    public void Observe_TravellerAtLocalWorkingHours_StaysQuiet_ButNotAtHome()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("time-profile", "logon-hours"));
        var events = OfficeHours();
        for (var day = 0; day < 5; day++)
        {
            var home = Logon(At(day, 9), "admin1", "vpn01", null, "81.2.69.1", logonType: 0);
            (home.Latitude, home.Longitude, home.Place) = (51.5f, -0.12f, "London, GB");
            events.Add(home);
        }

        var chicago = Logon(At(22, 14), "admin1", "vpn01", null, "198.51.100.7", logonType: 0);
        (chicago.Latitude, chicago.Longitude, chicago.Place) = (41.9f, -87.6f, "Chicago, US");
        events.Add(chicago);
        events.Add(Logon(At(22, 21), "admin1", "SRV-APP", "JUMP01", "10.0.0.5", logonType: 10)); // 15:00 in Chicago
        events.Add(Logon(At(28, 21), "admin2", "SRV-APP", "JUMP01", "10.0.0.5", logonType: 10)); // admin2 is home: 21:00 is odd

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Users[0].Canonical.ShouldBe("admin2");
    }
}
