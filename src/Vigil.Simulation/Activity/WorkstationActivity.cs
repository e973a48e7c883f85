using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Activity;

/// <summary>A workstation session: logon (with the odd typo first), the shell, the day's programs, unlocks, logoff.</summary>
internal static class WorkstationActivity
{
    /// <summary>Generates the session.</summary>
    public static void Run(PersonDay day)
    {
        var rng = day.Random;
        var person = day.Person;
        var ws = day.Workstation;
        var security = day.Telemetry.Security;
        var logonType = day.Work.Remote ? 11 : 2;
        var logonAt = day.Work.Start;
        if (rng.Chance(0.04))
        {
            security.FailedLogon(logonAt - (rng.Next(15, 60) * SimTime.Second), ws, person.Account.Name, person.Account.Domain.NetBios, 2, SecurityEvents.BadPassword);
        }

        day.LogonId = security.Logon(logonAt, ws, person.Account, logonType);
        var user = person.Account.DownLevel;
        var userinit = SysmonEvents.SystemProcess(ws, Apps.Userinit.Path, Apps.Userinit.Path, user);
        day.Explorer = day.Telemetry.Sysmon.ProcessCreate(
            logonAt + (rng.Next(2, 6) * SimTime.Second), ws, user, day.LogonId, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", userinit);
        foreach (var app in ws.Apps)
        {
            var record = Scenario(day, app);
            using (day.Telemetry.Log.Attribute(record ?? day.Telemetry.Log.Scenario))
            {
                StartApp(day, Current(day, app), app == ws.Apps[0] ? 0.97 : 0.75);
            }
        }

        for (var i = rng.Next(1, 5); i > 0; i--)
        {
            security.Logon(day.Work.Between(rng, SimTime.Hour, 30 * SimTime.Minute), ws, person.Account, 7);
        }

        security.Logoff(day.Work.End, ws, person.Account, day.LogonId, logonType);
    }

    /// <summary>Starts a program (once or twice) and its connection.</summary>
    private static void StartApp(PersonDay day, App app, double chance)
    {
        var rng = day.Random;
        if (!rng.Chance(chance))
        {
            return;
        }

        var sam = day.Person.Account.Name;
        var times = rng.Chance(0.25) ? 2 : 1;
        for (var k = 0; k < times; k++)
        {
            var at = k == 0 ? day.Work.Start + (rng.Next(60, 1200) * SimTime.Second) : day.Work.Between(rng, SimTime.Hour, 30 * SimTime.Minute);
            var image = app.ImageFor(sam);
            var directory = image[..(image.LastIndexOf('\\') + 1)];
            var process = day.Telemetry.Sysmon.ProcessCreate(
                at, day.Workstation, day.Person.Account.DownLevel, day.LogonId, image, app.CommandLineFor(sam), day.Explorer!, company: app.Company,
                currentDirectory: directory);
            if (rng.Chance(0.8) && Destinations.Of(app, day.Context.Organization, day.Person, rng) is { } target)
            {
                day.Telemetry.Sysmon.NetworkConnect(at + (rng.Next(2, 30) * SimTime.Second), day.Workstation, process, target.Ip, target.Host, target.Port);
            }
        }
    }

    /// <summary>The imaging workstations' viewer is replaced from the change day on (clinical-new-workflow).</summary>
    private static App Current(PersonDay day, App app)
        => app == Apps.PacsView && IsAfterImagingChange(day) ? Apps.RadVue : app;

    private static Scenarios.ScenarioRecord? Scenario(PersonDay day, App app)
        => app == Apps.PacsView && IsAfterImagingChange(day) ? day.Context.Organization.ImagingChange : null;

    private static bool IsAfterImagingChange(PersonDay day)
        => day.Context.Organization.ImagingChangeDay >= 0 && day.Context.Day >= day.Context.Organization.ImagingChangeDay;
}
