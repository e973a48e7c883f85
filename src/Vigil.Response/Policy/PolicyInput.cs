using Vigil.Response.Playbooks;

namespace Vigil.Response.Policy;

/// <summary>What a decision is made on.</summary>
/// <param name="Action">The action.</param>
/// <param name="Target">The expanded target, if known.</param>
/// <param name="AssetTags">The asset tags.</param>
/// <param name="AssetCriticality">The asset criticality, if known.</param>
/// <param name="Confidence">The alert confidence.</param>
/// <param name="InMaintenance">Whether the asset is in a maintenance window.</param>
internal sealed record PolicyInput(
    ResponseAction Action,
    string? Target,
    IReadOnlyList<string> AssetTags,
    AssetCriticality? AssetCriticality,
    double Confidence,
    bool InMaintenance)
{
    /// <summary>The input for an action on an alert's asset.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="action">The action.</param>
    /// <param name="target">The expanded target.</param>
    /// <param name="inMaintenance">Whether the asset is in a maintenance window.</param>
    /// <returns>The input.</returns>
    public static PolicyInput For(ResponseAlert alert, ResponseAction action, string? target, bool inMaintenance)
        => new(action, target, alert.AssetTags, alert.AssetCriticality, alert.Confidence, inMaintenance);
}
