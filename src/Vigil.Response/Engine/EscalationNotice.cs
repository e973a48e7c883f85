using Vigil.Response.Playbooks;

namespace Vigil.Response.Engine;

/// <summary>What is handed to people when automation cannot finish an action.</summary>
/// <param name="ActionId">The action id (also the idempotency key stem of the notice).</param>
/// <param name="AlertId">The alert id.</param>
/// <param name="Playbook">The playbook name.</param>
/// <param name="StepId">The step id.</param>
/// <param name="Action">The action.</param>
/// <param name="Target">The target.</param>
/// <param name="Reason">Why it is escalated (the last error, or that an approval expired).</param>
internal sealed record EscalationNotice(
    string ActionId,
    string AlertId,
    string Playbook,
    string StepId,
    ResponseAction Action,
    string Target,
    string Reason);
