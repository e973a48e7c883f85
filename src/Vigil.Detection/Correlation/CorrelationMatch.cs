using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Correlation;

/// <summary>A correlation rule that fired for one group in one window.</summary>
public sealed class CorrelationMatch
{
    /// <summary>Gets the correlation rule that fired.</summary>
    public required SigmaRule Rule { get; init; }

    /// <summary>Gets the group: group-by names (aliases as written) and their values, in group-by order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Group { get; init; }

    /// <summary>
    /// Gets the aggregated value that satisfied the condition: event count, distinct value count, number of distinct rules
    /// (temporal), number of rules seen in order (temporal_ordered), sum, average, or the value's share in percent (value_percentile).
    /// </summary>
    public double? Value { get; init; }

    /// <summary>Gets the value of <c>condition.field</c> whose share fired a value_percentile correlation; null for other types.</summary>
    public string? FieldValue { get; init; }

    /// <summary>Gets the time of the first contributing event, as UTC ticks.</summary>
    public required long FirstTimeTicks { get; init; }

    /// <summary>Gets the time of the last contributing event, as UTC ticks.</summary>
    public required long LastTimeTicks { get; init; }

    /// <summary>Gets the time of the first contributing event.</summary>
    public DateTimeOffset FirstTime => new(FirstTimeTicks, TimeSpan.Zero);

    /// <summary>Gets the time of the last contributing event.</summary>
    public DateTimeOffset LastTime => new(LastTimeTicks, TimeSpan.Zero);

    /// <summary>Gets the earliest contributing events in time order, at most <see cref="CorrelationEngineOptions.MaxEventsPerMatch"/>.</summary>
    public required IReadOnlyList<EventRecord> Events { get; init; }

    /// <summary>Gets the total number of contributing events (may exceed <see cref="Events"/>.Count).</summary>
    public required int EventCount { get; init; }

    /// <summary>Gets whether <see cref="Events"/> was cut at the limit.</summary>
    public bool EventsTruncated => EventCount > Events.Count;

    /// <summary>Gets the position of the rule in the engine's evaluation order (used to order results).</summary>
    internal int RuleOrder { get; init; }

    /// <summary>Gets the group as one comparable key.</summary>
    internal string GroupKey { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString()
        => $"{Rule.Key} [{string.Join(", ", Group.Select(p => $"{p.Key}={p.Value}"))}] value={Value} events={EventCount} "
            + $"{FirstTime:O}..{LastTime:O}";
}
