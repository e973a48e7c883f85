using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Off-hours privileged logon (T1078.002): an administrator's admin account logs on by remote desktop straight to a
/// domain controller (not through JUMP01) at about 03:00 on a weekend, with special privileges, and runs discovery.
/// </summary>
internal sealed class OffHoursPrivilegedLogonScenario : Scenario
{
    private readonly Person _admin;
    private readonly Host _dc;

    private OffHoursPrivilegedLogonScenario(ScenarioRecord record, int day, Person admin, Host dc)
        : base(record, day)
    {
        _admin = admin;
        _dc = dc;
    }

    /// <summary>Plans the scenario.</summary>
    public static OffHoursPrivilegedLogonScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("off-hours-privileged-logon");
        var day = plan.Slots.Weekend();
        var admin = PickAdmin(plan, rng);
        var dc = rng.Pick(plan.Organization.CorpDomainControllers);
        var record = ScenarioCatalog.Attack("off-hours-privileged-logon");
        var when = SimTime.IsWeekend(plan.DayStart(day)) ? "on a weekend" : "at night";
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{admin.AdminAccount!.DownLevel} logs on by remote desktop to {dc.Name} directly from {admin.Workstation.Name} at about 03:00 {when}, not through JUMP01");
        record.AddUsers(admin.Id);
        record.AddHosts(admin.Workstation.Name, dc.Name);
        record.AddAddresses(admin.Workstation.Ip);
        return new OffHoursPrivilegedLogonScenario(record, day, admin, dc);
    }

    /// <summary>An administrator not yet used by another scenario (any administrator when all are).</summary>
    internal static Person PickAdmin(PlanContext plan, SimRandom rng)
    {
        var admins = plan.Organization.Admins.Where(a => !plan.IsUsed(a)).ToList();
        var admin = rng.Pick(admins.Count > 0 ? admins : plan.Organization.Admins);
        plan.Use(admin);
        return admin;
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var account = _admin.AdminAccount!;
        var ws = _admin.Workstation;
        var at = context.At(2, 40 + rng.Next(0, 30), rng.Next(0, 60));
        var sysmon = context.Telemetry.Sysmon;
        var shell = SysmonEvents.SystemProcess(ws, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", _admin.Account.DownLevel);
        var mstsc = sysmon.ProcessCreate(at - (15 * SimTime.Second), ws, _admin.Account.DownLevel, "0x0", Apps.Mstsc.Path, "\"C:\\Windows\\System32\\mstsc.exe\" /v:" + _dc.Name, shell);
        sysmon.NetworkConnect(at - (10 * SimTime.Second), ws, mstsc, _dc.Ip, _dc.Fqdn, 3389);
        var logon = context.Telemetry.Security.Logon(at, _dc, account, 10, ws);
        context.Telemetry.Security.SpecialPrivileges(at, _dc, account, logon);
        var explorer = SysmonEvents.SystemProcess(_dc, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", account.DownLevel);
        var ps = sysmon.ProcessCreate(at + (50 * SimTime.Second), _dc, account.DownLevel, logon, Apps.PowerShell.Path, "\"powershell.exe\"", explorer, "High");
        sysmon.ProcessCreate(at + (2 * SimTime.Minute), _dc, account.DownLevel, logon, @"C:\Windows\System32\net.exe", "net group \"Domain Admins\" /domain", ps, "High");
        sysmon.ProcessCreate(at + (4 * SimTime.Minute), _dc, account.DownLevel, logon, @"C:\Windows\System32\nltest.exe", "nltest /domain_trusts /all_trusts", ps, "High");
        context.Telemetry.Security.Logoff(at + (rng.Next(18, 40) * SimTime.Minute), _dc, account, logon, 10);
    }
}
