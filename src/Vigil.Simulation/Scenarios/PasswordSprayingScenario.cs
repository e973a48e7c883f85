using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Password spraying (T1110.003): a compromised workstation tries one password against 30-60 accounts on a domain
/// controller within about 20 minutes (NTLM network logons failing with 0xC000006A; two names that do not exist fail
/// with 0xC0000064); one guess may succeed.
/// </summary>
internal sealed class PasswordSprayingScenario : Scenario
{
    private static readonly string[] Missing =
    [
        "admin", "test", "scanner", "backup", "helpdesk", "user1", "training", "temp", "support", "sqladmin", "webadmin", "test1", "demo",
        "guest1", "office", "reception",
    ];
    private readonly Person _source;
    private readonly Host _dc;
    private readonly List<(string Name, Account? Account, string? Id)> _targets;
    private readonly bool _success;
    private readonly int _hour;

    private PasswordSprayingScenario(ScenarioRecord record, int day, Person source, Host dc, List<(string, Account?, string?)> targets, bool success, int hour)
        : base(record, day)
    {
        _source = source;
        _dc = dc;
        _targets = targets;
        _success = success;
        _hour = hour;
    }

    /// <summary>Plans the scenario.</summary>
    public static PasswordSprayingScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("password-spraying");
        var day = plan.Slots.Weekday();
        var organization = plan.Organization;
        var source = plan.Pick(rng, day, p => p.Department.Domain == Domain.Corp && !p.Privileged && !p.Remote);
        var dc = rng.Pick(organization.CorpDomainControllers);
        var accounts = organization.People.Where(p => p != source && p.Department.Domain == Domain.Corp && p.StartDay <= day)
            .Select(p => (p.Account.Name, (Account?)p.Account, (string?)p.Id))
            .Concat(organization.Admins.Select(p => (p.AdminAccount!.Name, (Account?)p.AdminAccount, (string?)p.Id)))
            .Concat(organization.ServiceAccounts.Where(s => s.Account.Domain == Domain.Corp).Select(s => (s.Account.Name, (Account?)s.Account, (string?)s.Id)));
        var wanted = rng.Next(30, 61);
        var targets = rng.Sample(accounts, wanted - 2);
        var missing = rng.Sample(Missing, Math.Max(2, wanted - targets.Count));
        targets.AddRange(missing.Select(m => (m, (Account?)null, (string?)null)));
        targets = rng.Shuffle(targets);
        var record = ScenarioCatalog.Attack("password-spraying");
        record.Title = string.Create(
            CultureInfo.InvariantCulture, $"Password spraying from {source.Workstation.Name} ({source.Workstation.Ip}) against {targets.Count} accounts on {dc.Name}");
        record.AddUsers(source.Id);
        record.AddUsers(targets.Where(t => t.Item3 is not null).Select(t => t.Item3!));
        record.AddHosts(source.Workstation.Name, dc.Name);
        record.AddAddresses(source.Workstation.Ip);
        return new PasswordSprayingScenario(record, day, source, dc, targets, rng.Chance(0.6), rng.Next(9, 16));
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var ws = _source.Workstation;
        var start = context.At(_hour, rng.Next(0, 50), rng.Next(0, 60));
        var shell = SysmonEvents.SystemProcess(ws, Organization.Apps.Explorer.Path, @"C:\Windows\Explorer.EXE", _source.Account.DownLevel);
        context.Telemetry.Sysmon.ProcessCreate(start - (40 * SimTime.Second), ws, _source.Account.DownLevel, "0x0", Organization.Apps.PowerShell.Path,
            @"powershell.exe -NoP -W Hidden -Exec Bypass -File C:\Users\Public\spray.ps1 -Password 'Autumn2026!'", shell);
        var step = (rng.Next(12, 20) * SimTime.Minute) / _targets.Count;
        var at = start;
        foreach (var (name, account, _) in _targets)
        {
            at += step + (rng.Next(-2, 3) * SimTime.Second);
            var subStatus = account is null ? SecurityEvents.NoSuchUser : SecurityEvents.BadPassword;
            context.Telemetry.Security.FailedLogon(at, _dc, name, Domain.Corp.NetBios, 3, subStatus, ws);
        }

        if (_success && _targets.FirstOrDefault(t => t.Account is not null && !t.Name.StartsWith("svc-", StringComparison.Ordinal)) is { Account: { } hit })
        {
            context.Telemetry.Security.Logon(at + (rng.Next(20, 90) * SimTime.Second), _dc, hit, 3, ws);
        }
    }
}
