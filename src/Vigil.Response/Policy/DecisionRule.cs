using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>One decision-rights rule: conditions (all given must hold) and a decision.</summary>
/// <param name="Id">The unique id.</param>
/// <param name="Description">Why the rule exists.</param>
/// <param name="Actions">The actions it covers; null means every action (<c>*</c>).</param>
/// <param name="AssetTags">Asset tags, any of which must be on the asset; empty = any.</param>
/// <param name="AssetCriticality">Criticalities, one of which the asset must have; empty = any.</param>
/// <param name="MinConfidence">The lowest confidence (inclusive), if given.</param>
/// <param name="MaxConfidence">The highest confidence (inclusive), if given.</param>
/// <param name="InMaintenance">Whether the asset must (true) or must not (false) be in a maintenance window, if given.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Line">The line the rule starts on.</param>
internal sealed record DecisionRule(
    string Id,
    string Description,
    IReadOnlyList<ResponseAction>? Actions,
    IReadOnlyList<string> AssetTags,
    IReadOnlyList<AssetCriticality> AssetCriticality,
    double? MinConfidence,
    double? MaxConfidence,
    bool? InMaintenance,
    RuleDecision Decision,
    int Line);
