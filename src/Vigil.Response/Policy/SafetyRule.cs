using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>
/// The built-in safety rule no policy can override: a containment action on an asset tagged <c>clinical</c> or
/// <c>domain-controller</c> is never autonomous. If the policy would make it autonomous, it needs one approver's approval
/// within an hour instead.
/// </summary>
internal static class SafetyRule
{
    /// <summary>The rule id reported when the safety rule changes a decision.</summary>
    public const string RuleId = "safety";

    /// <summary>The asset tags the safety rule protects.</summary>
    public static IReadOnlyList<string> ProtectedTags { get; } = ["clinical", "domain-controller"];

    /// <summary>The decision the safety rule makes instead of autonomous.</summary>
    public static RuleDecision Decision { get; } = new(DecisionKind.Approval, ApproverRole.Approver, 1, TimeSpan.FromHours(1));

    /// <summary>The protected tag on the asset when the safety rule applies to an action, else null.</summary>
    /// <param name="input">The decision input.</param>
    /// <returns>The tag that makes the action protected, or null.</returns>
    public static string? ProtectedTag(PolicyInput input)
        => ResponseActions.IsContainment(input.Action)
            ? input.AssetTags.FirstOrDefault(t => ProtectedTags.Contains(t, StringComparer.OrdinalIgnoreCase))
            : null;
}
