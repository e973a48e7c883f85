using Vigil.Server.Pipeline;

namespace Vigil.Server.Feedback;

/// <summary>An accepted suppression: alerts of a detector (on an entity, when given) are stored as suppressed until it expires.</summary>
/// <param name="Id">The suppression id.</param>
/// <param name="Detector">The detector (<c>rule:...</c> or <c>model:...</c>).</param>
/// <param name="Entity">The entity it is limited to, or null for every entity.</param>
internal sealed record ActiveSuppression(string Id, string Detector, string? Entity)
{
    /// <summary>Whether the suppression covers an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>True when it does.</returns>
    public bool Matches(PipelineAlert alert)
        => string.Equals(alert.Alert.Detector, Detector, StringComparison.Ordinal)
        && (Entity is null || alert.Entities.Any(e => string.Equals(e.Name, Entity, StringComparison.OrdinalIgnoreCase)));
}
