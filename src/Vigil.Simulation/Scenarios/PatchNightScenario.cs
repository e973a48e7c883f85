using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Patch night (benign): in the maintenance window (maintenance.yaml), svc-patch logs on from SRV-WSUS01 to every
/// patch-group server, installs updates (wusa, msiexec) and reboots them; services log on again after the reboot; two
/// administrators on call check servers through JUMP01 and upgrade the Linux servers.
/// </summary>
internal sealed class PatchNightScenario : Scenario
{
    private static readonly string[] Restarts = ["SQL01", "WEB01", "PACS01"];
    private readonly List<Host> _servers;
    private readonly List<Person> _admins;

    private PatchNightScenario(ScenarioRecord record, int day, List<Host> servers, List<Person> admins)
        : base(record, day)
    {
        _servers = servers;
        _admins = admins;
    }

    /// <summary>Plans the scenario: the first Wednesday after the learning period (else its first day).</summary>
    public static PatchNightScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("patch-night");
        var day = plan.Slots.All.FirstOrDefault(d => SimTime.DayOfWeek(plan.DayStart(d)) == DayOfWeek.Wednesday, plan.Slots.All[0]);
        var organization = plan.Organization;
        organization.PatchDay = day;
        var servers = organization.WindowsServers.Where(s => s.HasTag("patch-group")).ToList();
        var admins = rng.Sample(organization.Admins, 2);
        var record = ScenarioCatalog.Trap("patch-night");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"Patch night {SimTime.Date(plan.DayStart(day))} 01:00-05:00: svc-patch updates and reboots {servers.Count} servers, {admins.Count} admins on call");
        record.AddUsers("svc-patch");
        record.AddUsers(admins.Select(a => a.Id));
        record.AddUsers("svc-sql", "svc-web", "svc-pacs");
        record.AddHosts("SRV-WSUS01", "JUMP01");
        record.AddHosts(servers.Select(s => s.Name));
        record.AddAddresses(organization.Host("SRV-WSUS01").Ip);
        return new PatchNightScenario(record, day, servers, admins);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var organization = context.Organization;
        var patch = organization.Service("svc-patch");
        var security = context.Telemetry.Security;
        var sysmon = context.Telemetry.Sysmon;
        var at = context.At(1, 5, rng.Next(0, 60));
        foreach (var server in _servers)
        {
            var logon = security.Logon(at, server, patch.Account, 3, patch.Home);
            security.SpecialPrivileges(at, server, patch.Account, logon);
            var svchost = SysmonEvents.SystemProcess(server, @"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k netsvcs -p");
            sysmon.ProcessCreate(at + (20 * SimTime.Second), server, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\System32\wusa.exe",
                @"wusa.exe C:\Windows\SoftwareDistribution\Download\windows10.0-kb5044284-x64.msu /quiet /norestart", svchost, "System");
            if (rng.Chance(0.3))
            {
                sysmon.ProcessCreate(at + (3 * SimTime.Minute), server, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\System32\msiexec.exe",
                    @"msiexec.exe /i C:\Windows\Temp\agent-update.msi /qn /norestart", svchost, "System");
            }

            var reboot = at + (rng.Next(8, 15) * SimTime.Minute);
            sysmon.ProcessCreate(reboot, server, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\System32\shutdown.exe", "shutdown.exe /r /t 60 /c \"Patch night\"", svchost, "System");
            if (Restarts.Contains(server.Name, StringComparer.Ordinal))
            {
                var service = organization.ServiceAccounts.First(s => s.Home == server);
                ServiceActivity.Restart(context, service.Id, server.Name, reboot + (4 * SimTime.Minute), server.Name == "SQL01"
                    ? @"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe" : server.Name == "WEB01"
                    ? @"C:\Windows\System32\inetsrv\w3wp.exe" : @"C:\Program Files\PacsServer\pacsd.exe", "--service", rng);
            }

            at += rng.Next(2, 6) * SimTime.Minute;
        }

        var check = context.At(3, 30, rng.Next(0, 600));
        foreach (var admin in _admins)
        {
            var logon = OnCallAdmin.Begin(context.Telemetry, admin, check, rng);
            var start = check + (5 * SimTime.Minute);
            var end = start + (rng.Next(40, 70) * SimTime.Minute);
            AdminActivity.Session(context, admin, admin.Workstation, null, logon, start, end, rng.Sample(_servers, 3), rng);
            var jump = organization.Host("JUMP01");
            foreach (var linux in rng.Sample(organization.LinuxServers, rng.Next(2, 4)))
            {
                var ssh = start + rng.NextLong(SimTime.Minute, end - start);
                var pid = context.Telemetry.Linux.Accepted(ssh, linux, admin.Account.Name, jump.Ip);
                context.Telemetry.Linux.Sudo(ssh + SimTime.Minute, linux, admin.Account.Name, "/usr/bin/apt-get -y upgrade");
                context.Telemetry.Linux.Closed(ssh + (rng.Next(5, 15) * SimTime.Minute), linux, admin.Account.Name, pid);
            }

            OnCallAdmin.End(context.Telemetry, admin, end + (3 * SimTime.Minute), logon, rng);
            check += rng.Next(5, 20) * SimTime.Minute;
        }
    }
}
