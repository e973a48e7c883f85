using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>An administrator working at night from home: laptop logon (cached credentials) and VPN, then the end of it.</summary>
internal static class OnCallAdmin
{
    /// <summary>Starts the night session; returns the workstation logon id.</summary>
    public static string Begin(Telemetry telemetry, Person admin, long at, SimRandom rng)
    {
        var logon = telemetry.Security.Logon(at, admin.Workstation, admin.Account, 11);
        telemetry.Vpn.Logon(at + (rng.Next(40, 120) * SimTime.Second), admin.VpnName, admin.HomeIp, VpnPlace.Home(admin), success: true);
        return logon;
    }

    /// <summary>Ends the night session.</summary>
    public static void End(Telemetry telemetry, Person admin, long at, string logonId, SimRandom rng)
    {
        telemetry.Vpn.Logout(at, admin.VpnName, admin.HomeIp, VpnPlace.Home(admin), rng.NextLong(5_000_000, 90_000_000), rng.NextLong(1_000_000, 20_000_000));
        telemetry.Security.Logoff(at + (rng.Next(30, 120) * SimTime.Second), admin.Workstation, admin.Account, logonId, 11);
    }
}
