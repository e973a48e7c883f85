using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>
/// What service accounts do every day: backups at night, health checks every six hours, service restarts (logon type
/// 5 on their own server), lab-result pulls, CI deployments; plus the servers' own internet traffic.
/// </summary>
internal static class ServiceActivity
{
    /// <summary>Generates the day's service activity.</summary>
    public static void Run(DayContext context)
    {
        Backup(context, context.Random("svc-backup"));
        Monitoring(context, context.Random("svc-monitor"));
        var rng = context.Random("services");
        Restart(context, "svc-sql", "SQL01", context.At(2, 0), @"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\SQLAGENT.EXE", "-i MSSQLSERVER", rng);
        Restart(context, "svc-web", "WEB01", context.At(4, 30), @"C:\Windows\System32\inetsrv\w3wp.exe", "-ap \"CustomerPortal\" -v \"v4.0\"", rng);
        Restart(context, "svc-patch", "SRV-WSUS01", context.At(4, 0), @"C:\Program Files\Update Services\Services\WsusService.exe", string.Empty, rng);
        Restart(context, "svc-pacs", "PACS01", context.At(5, 0), @"C:\Program Files\PacsServer\pacsd.exe", "--service", rng);
        var organization = context.Organization;
        if (organization.ImagingChangeDay >= 0 && context.Day >= organization.ImagingChangeDay)
        {
            using var scope = context.Telemetry.Log.Attribute(organization.ImagingChange);
            Restart(context, "svc-pacs", "PACS02", context.At(5, 5), @"C:\Program Files\RadVue Server\radvued.exe", "--service", rng);
        }

        var wsus = organization.Host("SRV-WSUS01");
        context.Telemetry.Firewall.Flow(context.At(4, 20, rng.Next(0, 600)), wsus, Internet.WindowsUpdate.Ip, 443, rng.NextLong(1_000_000, 5_000_000), rng.NextLong(100_000_000, 600_000_000));
        var ehr = organization.Service("svc-ehr");
        for (var hour = 0; hour < 24; hour += 2)
        {
            context.Telemetry.Security.Logon(context.At(hour, 7, rng.Next(0, 120)), organization.Host("LIS01"), ehr.Account, 3, ehr.Home);
        }

        if (!SimTime.IsWeekend(context.DayStart))
        {
            Deployments(context, rng);
        }
    }

    /// <summary>A service (re)start: a service logon on its server and the service's process.</summary>
    public static void Restart(DayContext context, string serviceId, string hostName, long at, string image, string arguments, SimRandom rng)
    {
        var service = context.Organization.Service(serviceId);
        var host = context.Organization.Host(hostName);
        var when = at + (rng.Next(0, 300) * SimTime.Second);
        var logon = context.Telemetry.Security.Logon(when, host, service.Account, 5);
        var services = SysmonEvents.SystemProcess(host, @"C:\Windows\System32\services.exe");
        var commandLine = arguments.Length == 0 ? $"\"{image}\"" : $"\"{image}\" {arguments}";
        context.Telemetry.Sysmon.ProcessCreate(when + SimTime.Second, host, service.Account.DownLevel, logon, image, commandLine, services, "System");
    }

    private static void Backup(DayContext context, SimRandom rng)
    {
        var service = context.Organization.Service("svc-backup");
        var at = context.At(0, 30, rng.Next(0, 600));
        var agent = SysmonEvents.SystemProcess(service.Home, @"C:\Program Files\Vigil Backup\bksvc.exe", null, service.Account.DownLevel);
        context.Telemetry.Sysmon.ProcessCreate(at - SimTime.Minute, service.Home, service.Account.DownLevel, "0x3e7",
            @"C:\Program Files\Vigil Backup\bkagent.exe", "\"C:\\Program Files\\Vigil Backup\\bkagent.exe\" --job nightly", agent, "System", "Vigil Backup");
        foreach (var target in context.Organization.Servers.Where(s => s.HasTag("backup-target")))
        {
            at += rng.Next(2, 9) * SimTime.Minute;
            context.Telemetry.Security.Logon(at, target, service.Account, 3, service.Home);
        }

        context.Telemetry.Firewall.Flow(context.At(3, 0, rng.Next(0, 900)), service.Home, Internet.BackupVault.Ip, 443,
            rng.NextLong(300_000_000, 800_000_000), rng.NextLong(1_000_000, 5_000_000));
    }

    private static void Monitoring(DayContext context, SimRandom rng)
    {
        var service = context.Organization.Service("svc-monitor");
        var targets = context.Organization.WindowsServers.Where(s => s != service.Home).ToList();
        for (var round = 0; round < 4; round++)
        {
            var at = context.At((round * 6) + 0, 15, rng.Next(0, 120));
            foreach (var target in targets)
            {
                at += rng.Next(1, 6) * SimTime.Second;
                var logon = context.Telemetry.Security.Logon(at, target, service.Account, 3, service.Home);
                if (round == 1)
                {
                    var svchost = SysmonEvents.SystemProcess(target, @"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k DcomLaunch -p");
                    context.Telemetry.Sysmon.ProcessCreate(at + SimTime.Second, target, @"NT AUTHORITY\NETWORK SERVICE", logon,
                        @"C:\Windows\System32\wbem\WmiPrvSE.exe", @"C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding", svchost, "System");
                }
            }
        }
    }

    private static void Deployments(DayContext context, SimRandom rng)
    {
        var service = context.Organization.Service("svc-deploy");
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            var at = context.At(10, 0) + rng.NextLong(0, 7 * SimTime.Hour);
            foreach (var name in new[] { "lnx-web01", "lnx-web02" })
            {
                var host = context.Organization.Host(name);
                var pid = context.Telemetry.Linux.Accepted(at, host, service.Id, service.Home.Ip);
                context.Telemetry.Linux.Sudo(at + (rng.Next(5, 30) * SimTime.Second), host, service.Id, "/usr/bin/systemctl restart app");
                context.Telemetry.Linux.Closed(at + (rng.Next(60, 180) * SimTime.Second), host, service.Id, pid);
                at += rng.Next(30, 120) * SimTime.Second;
            }
        }
    }
}
