namespace Vigil.Detection.Correlation;

/// <summary>event_count: the number of events in the window.</summary>
internal sealed class CountAggregator : WindowAggregator
{
    private long _count;

    public override double Value => _count;

    public override void Add(CorrelationEntry entry) => _count++;

    public override void Remove(CorrelationEntry entry) => _count--;

    public override void Clear() => _count = 0;
}
