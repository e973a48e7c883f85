namespace Vigil.Detection.Correlation;

/// <summary>temporal: the number of distinct referenced rules with at least one event in the window.</summary>
internal sealed class TemporalAggregator(int ruleCount) : WindowAggregator
{
    private readonly int[] _counts = new int[ruleCount];
    private int _distinct;

    public override double Value => _distinct;

    public override void Add(CorrelationEntry entry)
    {
        if (_counts[entry.Slot]++ == 0)
        {
            _distinct++;
        }
    }

    public override void Remove(CorrelationEntry entry)
    {
        if (--_counts[entry.Slot] == 0)
        {
            _distinct--;
        }
    }

    public override void Clear()
    {
        Array.Clear(_counts);
        _distinct = 0;
    }
}
