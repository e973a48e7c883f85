using System.Globalization;
using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>The decision for one action.</summary>
/// <param name="Kind">What happens: autonomous, approval, forbidden, or shadow (nothing acts).</param>
/// <param name="EnforcedKind">The decision enforce mode makes (equal to <paramref name="Kind"/> unless in shadow mode).</param>
/// <param name="RuleId">The rule that decided, <c>default</c>, or <c>safety</c> when the built-in safety rule changed it.</param>
/// <param name="Role">For approval: the least role that may approve.</param>
/// <param name="Approvers">For approval: how many distinct people must approve; else 0.</param>
/// <param name="ExpiresAfter">For approval: how long the request stays open.</param>
/// <param name="Reason">Which conditions matched and why the decision is what it is.</param>
/// <param name="Input">What the decision was made on.</param>
internal sealed record PolicyDecision(
    DecisionKind Kind,
    DecisionKind EnforcedKind,
    string RuleId,
    ApproverRole? Role,
    int Approvers,
    TimeSpan? ExpiresAfter,
    string Reason,
    PolicyInput Input)
{
    /// <summary>A one-line summary: <c>approval (approver x2, expires 30m)</c>, <c>shadow (would have been autonomous)</c>...</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var enforced = EnforcedKind == DecisionKind.Approval
            ? string.Create(CultureInfo.InvariantCulture, $"approval ({Role.ToString()!.ToLowerInvariant()} x{Approvers}, expires {Duration(ExpiresAfter!.Value)})")
            : EnforcedKind.ToString().ToLowerInvariant();
        return Kind == DecisionKind.Shadow ? $"shadow (would have been {enforced})" : enforced;
    }

    /// <summary>Formats a duration the way policy files write it (<c>30m</c>, <c>4h</c>, <c>1h30m</c>).</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan duration)
    {
        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add(duration.Days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (duration.Hours > 0)
        {
            parts.Add(duration.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add(duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }

        return string.Concat(parts);
    }

    /// <summary>The action's YAML name.</summary>
    public string ActionName => ResponseActions.Name(Input.Action);
}
