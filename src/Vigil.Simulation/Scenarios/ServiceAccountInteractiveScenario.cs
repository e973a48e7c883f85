using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A service account used interactively (T1078.002): a service account, whose logons are otherwise service (5) or
/// network (3) logons from its own servers, logs on by remote desktop to its server from a user's workstation.
/// </summary>
internal sealed class ServiceAccountInteractiveScenario : Scenario
{
    private static readonly string[] Candidates = ["svc-sql", "svc-backup", "svc-web"];
    private readonly ServiceAccount _service;
    private readonly Person _foothold;

    private ServiceAccountInteractiveScenario(ScenarioRecord record, int day, ServiceAccount service, Person foothold)
        : base(record, day)
    {
        _service = service;
        _foothold = foothold;
    }

    /// <summary>Plans the scenario.</summary>
    public static ServiceAccountInteractiveScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("service-account-interactive");
        var day = plan.Slots.Weekday();
        var service = plan.Organization.Service(rng.Pick(Candidates));
        var foothold = plan.Pick(rng, day, p => p.Department.Domain == Domain.Corp && !p.Privileged);
        var record = ScenarioCatalog.Attack("service-account-interactive");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"Service account {service.Account.DownLevel} logs on by remote desktop to {service.Home.Name} from {foothold.Workstation.Name}");
        record.AddUsers(service.Id);
        record.AddHosts(service.Home.Name, foothold.Workstation.Name);
        record.AddAddresses(foothold.Workstation.Ip);
        return new ServiceAccountInteractiveScenario(record, day, service, foothold);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var ws = _foothold.Workstation;
        var server = _service.Home;
        var account = _service.Account;
        var work = BaselineGenerator.WorkOf(_foothold, context.Seed, context.Day, context.DayStart);
        var at = work is { } w ? w.Between(rng, 2 * SimTime.Hour, 2 * SimTime.Hour) : context.At(11, rng.Next(0, 60));
        var sysmon = context.Telemetry.Sysmon;
        var shell = SysmonEvents.SystemProcess(ws, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", _foothold.Account.DownLevel);
        var mstsc = sysmon.ProcessCreate(at - (20 * SimTime.Second), ws, _foothold.Account.DownLevel, "0x0", Apps.Mstsc.Path, "\"C:\\Windows\\System32\\mstsc.exe\" /v:" + server.Name, shell);
        sysmon.NetworkConnect(at - (15 * SimTime.Second), ws, mstsc, server.Ip, server.Fqdn, 3389);
        var logon = context.Telemetry.Security.Logon(at, server, account, 10, ws);
        if (_service.Privileged)
        {
            context.Telemetry.Security.SpecialPrivileges(at, server, account, logon);
        }

        var explorer = SysmonEvents.SystemProcess(server, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", account.DownLevel);
        var cmd = sysmon.ProcessCreate(at + SimTime.Minute, server, account.DownLevel, logon, @"C:\Windows\System32\cmd.exe", "\"cmd.exe\"", explorer);
        sysmon.ProcessCreate(at + (2 * SimTime.Minute), server, account.DownLevel, logon, @"C:\Windows\System32\whoami.exe", "whoami /priv", cmd);
        sysmon.ProcessCreate(at + (4 * SimTime.Minute), server, account.DownLevel, logon, Apps.PowerShell.Path,
            "powershell.exe -c \"Get-ChildItem -Recurse D:\\Exports | Compress-Archive -DestinationPath C:\\Users\\Public\\e.zip\"", cmd);
        context.Telemetry.Security.Logoff(at + (rng.Next(15, 40) * SimTime.Minute), server, account, logon, 10);
    }
}
