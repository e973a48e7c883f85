using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>Explains what would happen for an alert: every step of every matching playbook, its target and its decision (<c>vigil policy explain</c>).</summary>
internal static class PolicyExplainer
{
    /// <summary>Explains the response to an alert.</summary>
    /// <param name="policy">The decision rights.</param>
    /// <param name="playbooks">The loaded playbooks.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="inMaintenance">Whether the alert's asset is in a maintenance window.</param>
    /// <returns>One explanation per step of each matching playbook, in order.</returns>
    public static IReadOnlyList<StepExplanation> Explain(DecisionPolicy policy, IEnumerable<Playbook> playbooks, ResponseAlert alert, bool inMaintenance = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var result = new List<StepExplanation>();
        foreach (var match in PlaybookMatcher.Match(playbooks, alert))
        {
            foreach (var planned in match.Steps)
            {
                var decision = planned.IsSkipped
                    ? null
                    : PolicyEvaluator.Evaluate(policy, PolicyInput.For(alert, planned.Step.Action, planned.Target, inMaintenance));
                result.Add(new StepExplanation(
                    match.Playbook.Name, match.Reason, planned.Step.Id, planned.Step.Action, planned.Target, planned.SkipReason, decision));
            }
        }

        return result;
    }
}
