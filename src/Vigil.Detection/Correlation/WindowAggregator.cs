namespace Vigil.Detection.Correlation;

/// <summary>
/// The running aggregate of one group's current window. Events are added at the window's end and removed at its start,
/// both in buffer order, so each event is added and removed once (a two-pointer sweep).
/// </summary>
internal abstract class WindowAggregator
{
    /// <summary>Gets the aggregated value of the window.</summary>
    public abstract double Value { get; }

    public abstract void Add(CorrelationEntry entry);

    public abstract void Remove(CorrelationEntry entry);

    public abstract void Clear();

    /// <summary>Tells whether the window satisfies <paramref name="condition"/>.</summary>
    public virtual bool IsSatisfied(CorrelationCondition condition) => condition.IsSatisfiedBy(Value);

    /// <summary>Creates the aggregator for a correlation type.</summary>
    public static WindowAggregator Create(CorrelationType type, int ruleCount) => type switch
    {
        CorrelationType.EventCount => new CountAggregator(),
        CorrelationType.ValueCount => new DistinctValueAggregator(),
        CorrelationType.Temporal => new TemporalAggregator(ruleCount),
        CorrelationType.TemporalOrdered => new TemporalOrderedAggregator(ruleCount),
        CorrelationType.ValueSum => new SumAggregator(average: false),
        CorrelationType.ValueAvg => new SumAggregator(average: true),
        _ => new ShareAggregator(),
    };
}
