using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Hunting;

/// <summary>Turns correlation matches into hits.</summary>
internal static class CorrelationHits
{
    public static DetectionHit ToHit(CorrelationMatch match, DetectionEngine engine) => new()
    {
        Rule = match.Rule,
        Attack = engine.AttackOf(match.Rule),
        Matched = match.Group,
        Group = match.Group,
        Value = match.Value,
        Event = match.Events[^1],
        CorrelatedEvents = match.Events,
        FirstTime = match.FirstTime,
        LastTime = match.LastTime,
    };
}
