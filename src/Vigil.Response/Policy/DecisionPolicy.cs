namespace Vigil.Response.Policy;

/// <summary>A workspace's decision rights (<c>policy/decision-rights.yaml</c>): the first matching rule wins, else the default.</summary>
/// <param name="Mode">Enforce or shadow.</param>
/// <param name="Rules">The ordered rules.</param>
/// <param name="Default">The decision when no rule matches.</param>
internal sealed record DecisionPolicy(PolicyMode Mode, IReadOnlyList<DecisionRule> Rules, RuleDecision Default);
