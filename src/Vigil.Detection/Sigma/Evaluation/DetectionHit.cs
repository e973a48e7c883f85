using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Evaluation;

/// <summary>A rule that fired: which rule, why (the matched fields and values), on which event(s).</summary>
public sealed class DetectionHit
{
    /// <summary>Gets the rule that fired.</summary>
    public required SigmaRule Rule { get; init; }

    /// <summary>Gets the ATT&amp;CK tactics and techniques of the rule.</summary>
    public AttackMapping Attack { get; init; } = AttackMapping.Empty;

    /// <summary>Gets the fields (as the event names them) and values that satisfied the rule's detection.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Matched { get; init; } = [];

    /// <summary>Gets the event that fired the rule (for a correlation, the last correlated event).</summary>
    public required EventRecord Event { get; init; }

    /// <summary>Gets the events a correlation hit correlates (empty for detection hits).</summary>
    public IReadOnlyList<EventRecord> CorrelatedEvents { get; init; } = [];

    /// <summary>Gets the group-by field values of a correlation hit (empty for detection hits).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Group { get; init; } = [];

    /// <summary>Gets the aggregated value of a correlation hit (count, distinct count, sum, average or percentile), or null.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the event time (for a correlation, the window's first and last event times), or null.</summary>
    public DateTimeOffset? FirstTime { get; init; }

    /// <summary>Gets the last event time of a correlation window, or the event time of a detection hit, or null.</summary>
    public DateTimeOffset? LastTime { get; init; }

    /// <summary>Gets the engine's compiled rule, when the hit came from <see cref="DetectionEngine.Match"/>.</summary>
    internal CompiledRule? Compiled { get; init; }
}
