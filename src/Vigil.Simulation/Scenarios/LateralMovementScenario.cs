using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Lateral movement (T1021.002, T1078.002): an ordinary user's account, from their workstation, logs on within an hour
/// to 4-6 servers that neither they nor their peers use, over SMB with PsExec (PSEXESVC and cmd.exe on the targets),
/// and to two of them over remote desktop.
/// </summary>
internal sealed class LateralMovementScenario : Scenario
{
    private readonly Person _person;
    private readonly List<Host> _targets;

    private LateralMovementScenario(ScenarioRecord record, int day, Person person, List<Host> targets)
        : base(record, day)
    {
        _person = person;
        _targets = targets;
    }

    /// <summary>Plans the scenario.</summary>
    public static LateralMovementScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("lateral-movement");
        var day = plan.Slots.Weekday();
        var office = new[] { Department.Finance, Department.HumanResources, Department.Sales };
        var person = plan.Pick(rng, day, p => office.Contains(p.Department) && !p.Privileged);
        var usedByPeers = plan.Organization.People.Where(p => p.PeerGroup == person.PeerGroup).SelectMany(p => p.PeerGroup.Servers).ToHashSet(StringComparer.Ordinal);
        var candidates = plan.Organization.WindowsServers
            .Where(s => s.Role is not (HostRole.DomainController or HostRole.JumpHost or HostRole.FileServer) && !usedByPeers.Contains(s.Name))
            .ToList();
        var targets = rng.Sample(candidates, rng.Next(4, 7));
        var record = ScenarioCatalog.Attack("lateral-movement");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{person.Account.DownLevel} moves from {person.Workstation.Name} to {targets.Count} servers its peers never use ({string.Join(", ", targets.Select(t => t.Name))})");
        record.AddUsers(person.Id);
        record.AddHosts(person.Workstation.Name);
        record.AddHosts(targets.Select(t => t.Name));
        record.AddAddresses(person.Workstation.Ip);
        return new LateralMovementScenario(record, day, person, targets);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var ws = _person.Workstation;
        var user = _person.Account.DownLevel;
        var work = BaselineGenerator.WorkOf(_person, context.Seed, context.Day, context.DayStart);
        var at = work is { } w ? w.Between(rng, 90 * SimTime.Minute, 3 * SimTime.Hour) : context.At(14, rng.Next(0, 60));
        var sysmon = context.Telemetry.Sysmon;
        var shell = SysmonEvents.SystemProcess(ws, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", user);
        var cmd = sysmon.ProcessCreate(at - (2 * SimTime.Minute), ws, user, "0x0", @"C:\Windows\System32\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"", shell);
        var rdpTargets = rng.Sample(_targets, 2);
        foreach (var target in _targets)
        {
            var psexec = sysmon.ProcessCreate(at, ws, user, "0x0", @"C:\Users\Public\PsExec64.exe",
                $"PsExec64.exe \\\\{target.Name} -accepteula -s cmd.exe /c \"whoami & hostname & net localgroup administrators\"", cmd, company: "Sysinternals - www.sysinternals.com");
            sysmon.NetworkConnect(at + SimTime.Second, ws, psexec, target.Ip, target.Fqdn, 445);
            var logon = context.Telemetry.Security.Logon(at + (2 * SimTime.Second), target, _person.Account, 3, ws);
            var services = SysmonEvents.SystemProcess(target, @"C:\Windows\System32\services.exe");
            var service = sysmon.ProcessCreate(at + (4 * SimTime.Second), target, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\PSEXESVC.exe", @"C:\Windows\PSEXESVC.exe", services, "System", "Sysinternals");
            sysmon.ProcessCreate(at + (5 * SimTime.Second), target, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\System32\cmd.exe",
                "cmd.exe /c \"whoami & hostname & net localgroup administrators\"", service, "System");
            context.Telemetry.Security.Logoff(at + (rng.Next(20, 90) * SimTime.Second), target, _person.Account, logon, 3);
            if (rdpTargets.Contains(target))
            {
                var rdpAt = at + (rng.Next(2, 5) * SimTime.Minute);
                var mstsc = sysmon.ProcessCreate(rdpAt - (10 * SimTime.Second), ws, user, "0x0", Apps.Mstsc.Path, "\"C:\\Windows\\System32\\mstsc.exe\" /v:" + target.Name, shell);
                sysmon.NetworkConnect(rdpAt - (5 * SimTime.Second), ws, mstsc, target.Ip, target.Fqdn, 3389);
                context.Telemetry.Security.Logon(rdpAt, target, _person.Account, 10, ws);
            }

            at += rng.Next(7, 12) * SimTime.Minute;
        }
    }
}
