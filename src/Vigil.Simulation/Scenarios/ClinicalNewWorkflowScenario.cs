using System.Globalization;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Scenarios;

/// <summary>
/// A new clinical workflow (benign): on one morning after the learning period the imaging viewer RadVue is deployed to
/// every imaging workstation; from then on radiographers run radvue.exe instead of pacsview.exe and work against the
/// new PACS server PACS02 (logons, connections, its service). A fleet-wide change, not an attack.
/// </summary>
internal sealed class ClinicalNewWorkflowScenario : Scenario
{
    private readonly IReadOnlyList<Host> _workstations;

    private ClinicalNewWorkflowScenario(ScenarioRecord record, int day, IReadOnlyList<Host> workstations)
        : base(record, day) => _workstations = workstations;

    /// <summary>Plans the scenario.</summary>
    public static ClinicalNewWorkflowScenario Plan(PlanContext plan)
    {
        var rng = plan.Random("clinical-new-workflow");
        var options = plan.Options;
        var day = Math.Min(options.Days - 1, options.LearningDays + rng.Next(0, 3));
        var organization = plan.Organization;
        var record = ScenarioCatalog.Trap("clinical-new-workflow");
        organization.ImagingChangeDay = day;
        organization.ImagingChange = record;
        var workstations = organization.ImagingWorkstations;
        record.Title = string.Create(CultureInfo.InvariantCulture,
            $"RadVue deployed to all {workstations.Count} imaging workstations on {SimTime.Date(plan.DayStart(day))}: radvue.exe and the new PACS02 from then on");
        record.AddUsers(organization.People.Where(p => p.PeerGroup.Name == PeerGroups.Radiographers).Select(p => p.Id));
        record.AddUsers("svc-pacs");
        record.AddHosts(workstations.Select(w => w.Name));
        record.AddHosts("PACS02");
        record.AddAddresses(organization.Host("PACS02").Ip);
        return new ClinicalNewWorkflowScenario(record, day, workstations);
    }

    /// <inheritdoc />
    protected override void Emit(DayContext context, SimRandom rng)
    {
        var at = context.At(6, rng.Next(0, 20));
        foreach (var ws in _workstations)
        {
            var agent = SysmonEvents.SystemProcess(ws, @"C:\Windows\CCM\CcmExec.exe");
            context.Telemetry.Sysmon.ProcessCreate(at, ws, SysmonEvents.SystemUser, "0x3e7", @"C:\Windows\System32\msiexec.exe",
                @"msiexec.exe /i ""\\SRV-IT-01\deploy$\RadVue-3.2.msi"" /qn /norestart", agent, "System");
            at += rng.Next(10, 40) * SimTime.Second;
        }
    }
}
