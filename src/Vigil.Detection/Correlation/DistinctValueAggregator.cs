namespace Vigil.Detection.Correlation;

/// <summary>value_count: the number of distinct values (compared case-sensitively) in the window.</summary>
internal sealed class DistinctValueAggregator : WindowAggregator
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public override double Value => _counts.Count;

    public override void Add(CorrelationEntry entry)
    {
        var value = entry.Value ?? string.Empty;
        _counts[value] = _counts.GetValueOrDefault(value) + 1;
    }

    public override void Remove(CorrelationEntry entry)
    {
        var value = entry.Value ?? string.Empty;
        var count = _counts[value] - 1;
        if (count == 0)
        {
            _counts.Remove(value);
        }
        else
        {
            _counts[value] = count;
        }
    }

    public override void Clear() => _counts.Clear();
}
