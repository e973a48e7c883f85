using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Scenarios;

/// <summary>Plans every scenario of a run (the traps that change the baseline first), in a fixed order.</summary>
internal static class ScenarioPlanner
{
    /// <summary>Plans the scenarios; returns them in truth-file order (attacks, then benign traps).</summary>
    public static IReadOnlyList<Scenario> Plan(SimulatedOrganization organization, SimulationOptions options)
    {
        var plan = new PlanContext(organization, options);
        var newEmployee = NewEmployeeScenario.Plan(plan);
        var travelling = UserTravellingScenario.Plan(plan);
        var clinical = ClinicalNewWorkflowScenario.Plan(plan);
        var patch = PatchNightScenario.Plan(plan);
        Scenario[] attacks =
        [
            PasswordSprayingScenario.Plan(plan),
            VpnCredentialStuffingScenario.Plan(plan),
            LateralMovementScenario.Plan(plan),
            OffHoursPrivilegedLogonScenario.Plan(plan),
            NewAdminAccountScenario.Plan(plan),
            DataExfiltrationScenario.Plan(plan),
            ImpossibleTravelScenario.Plan(plan),
            ServiceAccountInteractiveScenario.Plan(plan),
        ];
        var approved = ApprovedPrivilegedAccessScenario.Plan(plan);
        return [.. attacks, approved, clinical, patch, newEmployee, travelling];
    }
}
