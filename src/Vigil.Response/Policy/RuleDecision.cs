namespace Vigil.Response.Policy;

/// <summary>The decision a rule (or the default) makes.</summary>
/// <param name="Kind">Autonomous, approval or forbidden.</param>
/// <param name="Role">For approval: the least role that may approve.</param>
/// <param name="Approvers">For approval: how many distinct people must approve (1..3; 2 is the two-person rule); else 0.</param>
/// <param name="ExpiresAfter">For approval: how long the request stays open.</param>
internal sealed record RuleDecision(DecisionKind Kind, ApproverRole? Role, int Approvers, TimeSpan? ExpiresAfter);
