namespace Vigil.Server.Endpoints;

/// <summary>A response action as the API shows it.</summary>
/// <param name="Id">The action id (also its approval id).</param>
/// <param name="AlertId">The alert that triggered it.</param>
/// <param name="Playbook">The playbook.</param>
/// <param name="Step">The playbook step.</param>
/// <param name="Action">The action (isolate_host, notify...).</param>
/// <param name="Target">The expanded target.</param>
/// <param name="State">pending_approval, executing, succeeded, failed, escalated, denied, expired, cancelled, undone, shadow, forbidden...</param>
/// <param name="DecisionRule">The decision-rights rule that decided it.</param>
/// <param name="Attempts">Execution attempts.</param>
/// <param name="LastError">The last error, or null.</param>
/// <param name="RequiredRole">The role an approver needs, or null.</param>
/// <param name="ApproversNeeded">How many distinct approvers it needs.</param>
/// <param name="Approvers">Who approved so far.</param>
/// <param name="ExpiresAt">When a pending approval expires (and escalates), or null.</param>
/// <param name="Reason">Why it is in its state.</param>
public sealed record ActionView(
    string Id, string AlertId, string Playbook, string Step, string Action, string Target, string State, string DecisionRule, int Attempts,
    string? LastError, string? RequiredRole, int ApproversNeeded, IReadOnlyList<string> Approvers, DateTimeOffset? ExpiresAt, string? Reason)
{
    internal static ActionView Of(Vigil.Response.Engine.ActionRecord record) => new(
        record.Id, record.AlertId, record.Playbook, record.StepId, Vigil.Response.Playbooks.ResponseActions.Name(record.Action), record.Target,
        Vigil.Response.Engine.ActionStates.Name(record.State), record.DecisionRule, record.Attempts, record.LastError,
        record.RequiredRole?.ToString().ToLowerInvariant(), record.ApproversNeeded, record.Approvers, record.ExpiresAt, record.Reason);
}
