using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A new administrator account (T1136.001, T1098): a compromised administrator, from their workstation, creates an
/// account that looks like a service account (4720, 4722), adds it to Domain Admins (4728) and Administrators (4732),
/// and the new account logs on to servers. The new account is not in the directory.
/// </summary>
internal sealed class NewAdminAccountScenario : Scenario
{
    private static readonly string[] Names = ["svc-update2", "svc-adsync2", "svc-sccm-upd", "svc-report3"];
    private readonly Person _admin;
    private readonly Host _dc;
    private readonly Account _created;
    private readonly List<Host> _later;

    private NewAdminAccountScenario(ScenarioRecord record, int day, Person admin, Host dc, Account created, List<Host> later)
        : base(record, day)
    {
        _admin = admin;
        _dc = dc;
        _created = created;
        _later = later;
    }

    /// <summary>Plans the scenario.</summary>
    public static NewAdminAccountScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("new-admin-account");
        var day = plan.Slots.Weekday();
        var admin = OffHoursPrivilegedLogonScenario.PickAdmin(plan, rng);
        var dc = plan.Organization.CorpDomainControllers[0];
        var name = rng.Pick(Names);
        var created = new Account(name, Domain.Corp, Domain.Corp.Sid(rng.Next(9000, 9900)), "Service Accounts");
        var later = rng.Sample(plan.Organization.WindowsServers.Where(s => s.Domain == Domain.Corp && s.Role is HostRole.DatabaseServer or HostRole.FileServer or HostRole.BackupServer), 2);
        var record = ScenarioCatalog.Attack("new-admin-account");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{admin.AdminAccount!.DownLevel} creates {created.DownLevel} from {admin.Workstation.Name} and adds it to Domain Admins and Administrators on {dc.Name}");
        record.AddUsers(admin.Id);
        record.AddHosts(admin.Workstation.Name, dc.Name);
        record.AddHosts(later.Select(h => h.Name));
        record.AddAddresses(admin.Workstation.Ip);
        return new NewAdminAccountScenario(record, day, admin, dc, created, later);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var account = _admin.AdminAccount!;
        var ws = _admin.Workstation;
        var security = context.Telemetry.Security;
        var sysmon = context.Telemetry.Sysmon;
        var at = context.At(rng.Next(18, 22), rng.Next(0, 60), rng.Next(0, 60));
        var shell = SysmonEvents.SystemProcess(ws, Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", _admin.Account.DownLevel);
        var cmd = sysmon.ProcessCreate(at - SimTime.Minute, ws, account.DownLevel, "0x0", @"C:\Windows\System32\cmd.exe", "\"cmd.exe\"", shell, "High");
        sysmon.ProcessCreate(at - (20 * SimTime.Second), ws, account.DownLevel, "0x0", @"C:\Windows\System32\net.exe",
            $"net user {_created.Name} * /add /domain /fullname:\"Update Service\"", cmd, "High");
        var logon = security.Logon(at - (5 * SimTime.Second), _dc, account, 3, ws);
        security.SpecialPrivileges(at - (5 * SimTime.Second), _dc, account, logon);
        security.UserCreated(at, _dc, account, logon, _created, "Update Service", _created.Name + "@" + Domain.Corp.Dns);
        context.Telemetry.Log.Add(new WindowsEvent
        {
            Ticks = at + SimTime.Second,
            Channel = WindowsChannel.Security,
            EventId = 4722,
            Computer = _dc.Fqdn,
            Data =
            [
                new("TargetUserName", _created.Name), new("TargetDomainName", _created.Domain.NetBios), new("TargetSid", _created.Sid),
                new("SubjectUserSid", account.Sid), new("SubjectUserName", account.Name), new("SubjectDomainName", account.Domain.NetBios),
                new("SubjectLogonId", logon),
            ],
        });
        var groupAt = at + (rng.Next(30, 120) * SimTime.Second);
        sysmon.ProcessCreate(groupAt - (5 * SimTime.Second), ws, account.DownLevel, "0x0", @"C:\Windows\System32\net.exe", $"net group \"Domain Admins\" {_created.Name} /add /domain", cmd, "High");
        security.MemberAdded(groupAt, _dc, account, logon, _created, "Domain Admins", builtin: false);
        security.MemberAdded(groupAt + (rng.Next(20, 60) * SimTime.Second), _dc, account, logon, _created, "Administrators", builtin: true);
        var next = groupAt + (rng.Next(10, 30) * SimTime.Minute);
        foreach (var host in _later)
        {
            var id = security.Logon(next, host, _created, 3, ws);
            security.SpecialPrivileges(next, host, _created, id);
            next += rng.Next(2, 9) * SimTime.Minute;
        }
    }
}
