using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// Approved privileged access (benign): administrators work through JUMP01 every day, as privileged-access.yaml
/// approves; after the learning period one of them does an emergency change at night (VPN from home, JUMP01, a domain
/// controller and a server). The truth entry covers that night session.
/// </summary>
internal sealed class ApprovedPrivilegedAccessScenario : Scenario
{
    private readonly Person _admin;
    private readonly List<Host> _targets;

    private ApprovedPrivilegedAccessScenario(ScenarioRecord record, int day, Person admin, List<Host> targets)
        : base(record, day)
    {
        _admin = admin;
        _targets = targets;
    }

    /// <summary>Plans the scenario.</summary>
    public static ApprovedPrivilegedAccessScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("approved-privileged-access");
        var day = plan.Slots.Weekday();
        var admin = OffHoursPrivilegedLogonScenario.PickAdmin(plan, rng);
        var organization = plan.Organization;
        var dc = rng.Pick(organization.CorpDomainControllers);
        var other = rng.Pick(organization.WindowsServers.Where(s => s.Role is HostRole.AppServer or HostRole.DatabaseServer).ToList());
        var record = ScenarioCatalog.Trap("approved-privileged-access");
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"{admin.AdminAccount!.DownLevel} does an emergency change at night through JUMP01 on {dc.Name} and {other.Name} (approved: admins-via-jump-host)");
        record.AddUsers(admin.Id);
        record.AddHosts(admin.Workstation.Name, "JUMP01", dc.Name, other.Name);
        record.AddAddresses(admin.HomeIp, admin.Workstation.Ip, organization.Host("JUMP01").Ip);
        return new ApprovedPrivilegedAccessScenario(record, day, admin, [dc, other]);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var start = context.At(1, rng.Next(30, 90), rng.Next(0, 60));
        var logon = OnCallAdmin.Begin(context.Telemetry, _admin, start, rng);
        var sessionStart = start + (rng.Next(4, 8) * SimTime.Minute);
        var sessionEnd = sessionStart + (rng.Next(35, 70) * SimTime.Minute);
        AdminActivity.Session(context, _admin, _admin.Workstation, null, logon, sessionStart, sessionEnd, _targets, rng);
        OnCallAdmin.End(context.Telemetry, _admin, sessionEnd + (rng.Next(2, 6) * SimTime.Minute), logon, rng);
    }
}
