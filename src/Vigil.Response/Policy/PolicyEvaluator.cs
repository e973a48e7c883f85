using System.Globalization;
using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>
/// Makes the decision for one action: the first rule whose conditions all hold decides, else the default; then the built-in
/// <see cref="SafetyRule"/> turns an autonomous containment of a clinical or domain-controller asset into an approval; in
/// shadow mode the outcome is <see cref="DecisionKind.Shadow"/> and the enforce-mode decision is kept for the record.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>Decides on one action.</summary>
    /// <param name="policy">The decision rights.</param>
    /// <param name="input">The action and its context.</param>
    /// <returns>The decision with its reason.</returns>
    public static PolicyDecision Evaluate(DecisionPolicy policy, PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(input);
        var ruleId = "default";
        var decision = policy.Default;
        var reason = "no rule matched; the default applies";
        foreach (var rule in policy.Rules)
        {
            if (Matches(rule, input, out var why))
            {
                (ruleId, decision, reason) = (rule.Id, rule.Decision, $"rule '{rule.Id}' matched ({why})");
                break;
            }
        }

        if (decision.Kind == DecisionKind.Autonomous && SafetyRule.ProtectedTag(input) is { } tag)
        {
            reason += $", which would make it autonomous; the built-in safety rule requires approval for containment on '{tag}' assets";
            (ruleId, decision) = (SafetyRule.RuleId, SafetyRule.Decision);
        }

        var kind = policy.Mode == PolicyMode.Shadow ? DecisionKind.Shadow : decision.Kind;
        if (kind == DecisionKind.Shadow)
        {
            reason += "; shadow mode: nothing acts";
        }

        return new PolicyDecision(kind, decision.Kind, ruleId, decision.Role, decision.Approvers, decision.ExpiresAfter, reason, input);
    }

    /// <summary>Whether every condition of a rule holds, and which ones were checked.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="input">The input.</param>
    /// <param name="why">The conditions that matched, in words.</param>
    /// <returns>True on a match.</returns>
    public static bool Matches(DecisionRule rule, PolicyInput input, out string why)
    {
        var parts = new List<string>();
        why = string.Empty;
        if (rule.Actions is { } actions)
        {
            if (!actions.Contains(input.Action))
            {
                return false;
            }

            parts.Add("action " + ResponseActions.Name(input.Action));
        }
        else
        {
            parts.Add("any action");
        }

        if (rule.AssetTags.Count > 0)
        {
            if (input.AssetTags.FirstOrDefault(t => rule.AssetTags.Contains(t, StringComparer.OrdinalIgnoreCase)) is not { } tag)
            {
                return false;
            }

            parts.Add("asset tag " + tag);
        }

        if (rule.AssetCriticality.Count > 0)
        {
            if (input.AssetCriticality is not { } criticality || !rule.AssetCriticality.Contains(criticality))
            {
                return false;
            }

            parts.Add("asset criticality " + criticality.ToString().ToLowerInvariant());
        }

        if (rule.MinConfidence is { } min)
        {
            if (input.Confidence < min)
            {
                return false;
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {input.Confidence:0.##} >= {min:0.##}"));
        }

        if (rule.MaxConfidence is { } max)
        {
            if (input.Confidence > max)
            {
                return false;
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {input.Confidence:0.##} <= {max:0.##}"));
        }

        if (rule.InMaintenance is { } maintenance)
        {
            if (input.InMaintenance != maintenance)
            {
                return false;
            }

            parts.Add(maintenance ? "in a maintenance window" : "not in a maintenance window");
        }

        why = string.Join(", ", parts);
        return true;
    }
}
