using Vigil.Simulation.Events;

namespace Vigil.Simulation.Activity;

/// <summary>VPN sessions of people working remotely: from home (now and then a phone's connection), or from a hotel abroad.</summary>
internal static class RemoteAccessActivity
{
    /// <summary>Generates the day's VPN logons and logouts.</summary>
    public static void Run(PersonDay day)
    {
        var person = day.Person;
        if (!day.Work.Remote || person.ScenarioVpnDay == day.Context.Day)
        {
            return;
        }

        var rng = day.Random;
        var vpn = day.Telemetry.Vpn;
        var travel = person.Travel is { } plan && plan.Covers(day.Context.Day) ? plan : null;
        var place = travel is null ? VpnPlace.Home(person) : VpnPlace.Of(travel.City);
        var address = travel?.Address ?? (rng.Chance(0.1) ? person.MobileIp : person.HomeIp);
        using var scope = day.Telemetry.Log.Attribute(travel?.Record ?? day.Telemetry.Log.Scenario);
        var logon = day.Work.Start + (rng.Next(40, 180) * SimTime.Second);
        if (rng.Chance(0.04))
        {
            vpn.Logon(logon - (rng.Next(10, 50) * SimTime.Second), person.VpnName, address, place, success: false);
        }

        vpn.Logon(logon, person.VpnName, address, place, success: true);
        if (rng.Chance(0.15))
        {
            var drop = day.Work.Between(rng, 2 * SimTime.Hour, 2 * SimTime.Hour);
            vpn.Logout(drop, person.VpnName, address, place, rng.NextLong(5_000_000, 200_000_000), rng.NextLong(1_000_000, 40_000_000));
            vpn.Logon(drop + (rng.Next(60, 900) * SimTime.Second), person.VpnName, address, place, success: true);
        }

        vpn.Logout(day.Work.End + (rng.Next(30, 120) * SimTime.Second), person.VpnName, address, place,
            rng.NextLong(50_000_000, 900_000_000), rng.NextLong(5_000_000, 150_000_000));
    }
}
