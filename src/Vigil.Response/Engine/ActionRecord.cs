using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>A snapshot of one response action.</summary>
/// <param name="Id">The stable action id (also the approval id and the idempotency key).</param>
/// <param name="AlertId">The alert id.</param>
/// <param name="Playbook">The playbook name.</param>
/// <param name="StepId">The step id.</param>
/// <param name="Action">The action.</param>
/// <param name="Target">The target.</param>
/// <param name="State">Where it is.</param>
/// <param name="DecisionRule">The rule that decided (<c>default</c>, <c>safety</c>, or a rule id).</param>
/// <param name="Attempts">Attempts made by the executor, retries included.</param>
/// <param name="LastError">The last error, or null.</param>
/// <param name="RequiredRole">For approvals: the least role that may approve.</param>
/// <param name="ApproversNeeded">For approvals: how many distinct people must approve.</param>
/// <param name="Approvers">Who approved so far.</param>
/// <param name="ExpiresAt">For approvals: when the request expires.</param>
/// <param name="Reason">Why it waits for approval or is in its state (e.g. <c>automation paused</c>), or null.</param>
internal sealed record ActionRecord(
    string Id,
    string AlertId,
    string Playbook,
    string StepId,
    ResponseAction Action,
    string Target,
    ActionState State,
    string DecisionRule,
    int Attempts,
    string? LastError,
    ApproverRole? RequiredRole,
    int ApproversNeeded,
    IReadOnlyList<string> Approvers,
    DateTimeOffset? ExpiresAt,
    string? Reason);
