using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>One playbook step explained for an alert: what it would act on and what the decision rights say.</summary>
/// <param name="Playbook">The playbook name.</param>
/// <param name="PlaybookReason">Why the playbook was selected.</param>
/// <param name="StepId">The step id.</param>
/// <param name="Action">The action.</param>
/// <param name="Target">The expanded target, or null when it could not be expanded.</param>
/// <param name="SkipReason">Why the step would not run, or null.</param>
/// <param name="Decision">The decision, or null when the step is skipped.</param>
internal sealed record StepExplanation(
    string Playbook,
    string PlaybookReason,
    string StepId,
    ResponseAction Action,
    string? Target,
    string? SkipReason,
    PolicyDecision? Decision)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var head = $"{Playbook}/{StepId}: {ResponseActions.Name(Action)} {Target ?? "(no target)"}";
        return Decision is null ? $"{head}: {SkipReason}" : $"{head}: {Decision.Summary()} [{Decision.RuleId}] because {Decision.Reason}";
    }
}
