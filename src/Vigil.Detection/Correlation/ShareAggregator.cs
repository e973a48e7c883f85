namespace Vigil.Detection.Correlation;

/// <summary>
/// value_percentile: for each distinct value (case-sensitive) its share, in percent, of the window's events. The window
/// satisfies the condition when some value's share does. Distinct counts are kept sorted, so the test is a range lookup.
/// </summary>
internal sealed class ShareAggregator : WindowAggregator
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _valuesWithCount = [];
    private readonly SortedSet<int> _distinctCounts = [];
    private int _total;

    /// <summary>Gets the share of the rarest value, in percent.</summary>
    public override double Value => _total == 0 ? 0 : Share(_distinctCounts.Min);

    public override void Add(CorrelationEntry entry)
    {
        var value = entry.Value ?? string.Empty;
        var old = _counts.GetValueOrDefault(value);
        if (old > 0)
        {
            Decrement(old);
        }

        _counts[value] = old + 1;
        Increment(old + 1);
        _total++;
    }

    public override void Remove(CorrelationEntry entry)
    {
        var value = entry.Value ?? string.Empty;
        var old = _counts[value];
        Decrement(old);
        if (old == 1)
        {
            _counts.Remove(value);
        }
        else
        {
            _counts[value] = old - 1;
            Increment(old - 1);
        }

        _total--;
    }

    public override void Clear()
    {
        _counts.Clear();
        _valuesWithCount.Clear();
        _distinctCounts.Clear();
        _total = 0;
    }

    public override bool IsSatisfied(CorrelationCondition condition)
    {
        if (_total == 0)
        {
            return false;
        }

        // Every count strictly inside [lo, hi] satisfies the range; only the two ends and neq points need the exact test.
        var lo = 1;
        var hi = _total;
        foreach (var comparison in condition.Comparisons)
        {
            var bound = Math.Clamp(comparison.Operand * _total / 100.0, 0, _total);
            switch (comparison.Operator)
            {
                case CorrelationOperator.GreaterThan or CorrelationOperator.GreaterThanOrEqual:
                    lo = Math.Max(lo, (int)Math.Floor(bound));
                    break;
                case CorrelationOperator.LessThan or CorrelationOperator.LessThanOrEqual:
                    hi = Math.Min(hi, (int)Math.Ceiling(bound));
                    break;
                case CorrelationOperator.Equal:
                    lo = Math.Max(lo, (int)Math.Floor(bound));
                    hi = Math.Min(hi, (int)Math.Ceiling(bound));
                    break;
                default:
                    break;
            }
        }

        if (lo > hi)
        {
            return false;
        }

        foreach (var count in _distinctCounts.GetViewBetween(lo, hi))
        {
            if (condition.IsSatisfiedBy(Share(count)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lists the values whose share satisfies <paramref name="condition"/>, ordered by value.</summary>
    public List<(string Value, double Share)> SatisfyingValues(CorrelationCondition condition)
    {
        var result = new List<(string Value, double Share)>();
        foreach (var (value, count) in _counts)
        {
            var share = Share(count);
            if (condition.IsSatisfiedBy(share))
            {
                result.Add((value, share));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return result;
    }

    private double Share(int count) => 100.0 * count / _total;

    private void Increment(int count)
    {
        var n = _valuesWithCount.GetValueOrDefault(count);
        _valuesWithCount[count] = n + 1;
        if (n == 0)
        {
            _distinctCounts.Add(count);
        }
    }

    private void Decrement(int count)
    {
        var n = _valuesWithCount[count] - 1;
        if (n == 0)
        {
            _valuesWithCount.Remove(count);
            _distinctCounts.Remove(count);
        }
        else
        {
            _valuesWithCount[count] = n;
        }
    }
}
