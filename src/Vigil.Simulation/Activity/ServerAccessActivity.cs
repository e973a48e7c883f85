using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Activity;

/// <summary>A person's logons to servers: the file server, the peer group's application servers, Linux servers over SSH.</summary>
internal static class ServerAccessActivity
{
    /// <summary>Commands engineers and administrators run with sudo.</summary>
    public static readonly IReadOnlyList<string> SudoCommands =
    [
        "/usr/bin/systemctl restart nginx", "/usr/bin/journalctl -u app --since today", "/usr/bin/systemctl status postgresql",
        "/usr/bin/docker ps", "/usr/bin/tail -n 200 /var/log/syslog", "/usr/bin/apt-get update", "/usr/bin/systemctl reload nginx",
    ];

    /// <summary>Generates the day's server logons.</summary>
    public static void Run(PersonDay day)
    {
        var rng = day.Random;
        var person = day.Person;
        var organization = day.Context.Organization;
        NetworkLogon(day, person.FileServer, day.Work.Start + (rng.Next(60, 240) * SimTime.Second));
        for (var i = rng.Next(0, 4); i > 0; i--)
        {
            NetworkLogon(day, person.FileServer, day.Work.Between(rng, SimTime.Hour, 20 * SimTime.Minute));
        }

        foreach (var name in person.PeerGroup.Servers)
        {
            var (server, record) = Current(day, name);
            using (day.Telemetry.Log.Attribute(record ?? day.Telemetry.Log.Scenario))
            {
                for (var i = rng.Next(1, 4); i > 0; i--)
                {
                    NetworkLogon(day, organization.Host(server), day.Work.Between(rng, 10 * SimTime.Minute, 20 * SimTime.Minute));
                }
            }
        }

        if (person.Linux && !person.Privileged && person.PeerGroup.LinuxServers.Count > 0)
        {
            Linux(day, day.Workstation.Ip, person.PeerGroup.Name == "eng-sre" ? 0.6 : 0.1);
        }
    }

    /// <summary>A network logon from the workstation and its logoff a little later.</summary>
    private static void NetworkLogon(PersonDay day, Host server, long at)
    {
        var logon = day.Telemetry.Security.Logon(at, server, day.Person.Account, 3, day.Workstation);
        day.Telemetry.Security.Logoff(at + day.Random.NextLong(SimTime.Second, 45 * SimTime.Minute), server, day.Person.Account, logon, 3);
    }

    /// <summary>SSH sessions to the peer group's Linux servers from <paramref name="sourceIp"/>, with some sudo.</summary>
    public static void Linux(PersonDay day, string sourceIp, double sudoChance)
    {
        var rng = day.Random;
        var linux = day.Telemetry.Linux;
        var user = day.Person.Account.Name;
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            var host = day.Context.Organization.Host(rng.Pick(day.Person.PeerGroup.LinuxServers));
            var at = day.Work.Between(rng, 15 * SimTime.Minute, 2 * SimTime.Hour);
            var pid = linux.Accepted(at, host, user, sourceIp);
            var end = at + (rng.Next(5, 90) * SimTime.Minute);
            for (var k = rng.Chance(sudoChance) ? rng.Next(1, 3) : 0; k > 0; k--)
            {
                linux.Sudo(rng.NextLong(at + SimTime.Minute, end), host, user, rng.Pick(SudoCommands));
            }

            linux.Closed(end, host, user, pid);
        }
    }

    /// <summary>Radiographers use the new PACS from the imaging change on (clinical-new-workflow).</summary>
    private static (string Server, Scenarios.ScenarioRecord? Record) Current(PersonDay day, string server)
    {
        var organization = day.Context.Organization;
        return server == "PACS01" && organization.ImagingChangeDay >= 0 && day.Context.Day >= organization.ImagingChangeDay
            ? ("PACS02", organization.ImagingChange)
            : (server, null);
    }
}
