namespace Vigil.Detection.Correlation;

/// <summary>value_sum and value_avg: the sum or the mean of the numeric values in the window.</summary>
internal sealed class SumAggregator(bool average) : WindowAggregator
{
    private double _sum;
    private long _count;

    public override double Value => average ? (_count == 0 ? 0 : _sum / _count) : _sum;

    public override void Add(CorrelationEntry entry)
    {
        _sum += entry.Number;
        _count++;
    }

    public override void Remove(CorrelationEntry entry)
    {
        _count--;
        _sum = _count == 0 ? 0 : _sum - entry.Number;
    }

    public override void Clear()
    {
        _sum = 0;
        _count = 0;
    }
}
