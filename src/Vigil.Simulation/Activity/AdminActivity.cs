using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>
/// Administrators' work: remote desktop from their workstation to JUMP01 with their admin account, and from JUMP01 to
/// servers and domain controllers (remote desktop or remote PowerShell), each logon with special privileges.
/// </summary>
internal static class AdminActivity
{
    private static readonly string[] Consoles = [@"C:\Windows\System32\mmc.exe", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"];

    /// <summary>Generates an administrator's day.</summary>
    public static void Run(PersonDay day)
    {
        var rng = day.Random;
        var organization = day.Context.Organization;
        var start = day.Work.Start + (rng.Next(5, 30) * SimTime.Minute);
        var end = day.Work.End - (rng.Next(10, 30) * SimTime.Minute);
        var candidates = organization.WindowsServers.Where(s => s.Role != HostRole.JumpHost).ToList();
        var targets = rng.Sample(candidates, rng.Next(2, 6));
        Session(day.Context, day.Person, day.Workstation, day.Explorer, day.LogonId, start, end, targets, rng);
        if (day.Person.Linux)
        {
            ServerAccessActivity.Linux(day, organization.Host("JUMP01").Ip, 0.7);
        }
    }

    /// <summary>
    /// One session through JUMP01: mstsc on the workstation, the remote desktop logon to JUMP01, then a logon to each
    /// target between <paramref name="start"/> and <paramref name="end"/>.
    /// </summary>
    public static void Session(
        DayContext context, Person admin, Host workstation, ProcessRef? explorer, string workstationLogonId, long start, long end,
        IReadOnlyList<Host> targets, SimRandom rng)
    {
        var telemetry = context.Telemetry;
        var account = admin.AdminAccount!;
        var jump = context.Organization.Host("JUMP01");
        var user = admin.Account.DownLevel;
        var parent = explorer ?? SysmonEvents.SystemProcess(workstation, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", user);
        var mstsc = telemetry.Sysmon.ProcessCreate(start - (20 * SimTime.Second), workstation, user, workstationLogonId, Apps.Mstsc.Path, "\"C:\\Windows\\System32\\mstsc.exe\" /v:JUMP01", parent);
        telemetry.Sysmon.NetworkConnect(start - (15 * SimTime.Second), workstation, mstsc, jump.Ip, jump.Fqdn, 3389);
        var jumpLogon = telemetry.Security.Logon(start, jump, account, 10, workstation);
        telemetry.Security.SpecialPrivileges(start, jump, account, jumpLogon);
        var adminUser = account.DownLevel;
        var jumpShell = SysmonEvents.SystemProcess(jump, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", adminUser);
        var span = Math.Max(SimTime.Minute * 10, end - start - (20 * SimTime.Minute));
        foreach (var target in targets)
        {
            var at = start + (5 * SimTime.Minute) + rng.NextLong(0, span);
            Target(context, admin, jump, jumpShell, jumpLogon, target, at, rng);
        }

        telemetry.Security.Logoff(end, jump, account, jumpLogon, 10);
    }

    /// <summary>A logon from JUMP01 to one server, what the administrator runs there, and the logoff.</summary>
    public static void Target(DayContext context, Person admin, Host jump, ProcessRef jumpShell, string jumpLogon, Host target, long at, SimRandom rng)
    {
        var telemetry = context.Telemetry;
        var account = admin.AdminAccount!;
        var adminUser = account.DownLevel;
        var rdp = rng.Chance(0.5);
        var tool = rng.Pick(Consoles);
        telemetry.Sysmon.ProcessCreate(at - (30 * SimTime.Second), jump, adminUser, jumpLogon, rdp ? Apps.Mstsc.Path : tool,
            rdp ? "\"C:\\Windows\\System32\\mstsc.exe\" /v:" + target.Name : $"\"{tool}\" -NoLogo", jumpShell, "High");
        var logon = telemetry.Security.Logon(at, target, account, rdp ? 10 : 3, jump);
        telemetry.Security.SpecialPrivileges(at, target, account, logon);
        var parent = rdp
            ? SysmonEvents.SystemProcess(target, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", adminUser)
            : SysmonEvents.SystemProcess(target, @"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k DcomLaunch -p");
        var image = rdp ? tool : @"C:\Windows\System32\wsmprovhost.exe";
        var commandLine = rdp ? $"\"{tool}\"" : @"C:\Windows\system32\wsmprovhost.exe -Embedding";
        telemetry.Sysmon.ProcessCreate(at + (rng.Next(5, 60) * SimTime.Second), target, adminUser, logon, image, commandLine, parent, "High");
        telemetry.Security.Logoff(at + (rng.Next(5, 60) * SimTime.Minute), target, account, logon, rdp ? 10 : 3);
    }
}
