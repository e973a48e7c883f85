namespace Vigil.Detection.Correlation;

/// <summary>
/// temporal_ordered: how many of the referenced rules, taken in the listed order, have events in the window in that order.
/// Keeps one sorted queue per rule; the greedy earliest chain is found with one binary search per rule, O(k log n).
/// </summary>
internal sealed class TemporalOrderedAggregator : WindowAggregator
{
    private readonly List<CorrelationEntry>[] _queues;
    private readonly int[] _heads;

    public TemporalOrderedAggregator(int ruleCount)
    {
        _queues = new List<CorrelationEntry>[ruleCount];
        _heads = new int[ruleCount];
        for (var i = 0; i < ruleCount; i++)
        {
            _queues[i] = [];
        }
    }

    public override double Value
    {
        get
        {
            CorrelationEntry? previous = null;
            var matched = 0;
            for (var step = 0; step < _queues.Length; step++)
            {
                var next = FirstAfter(step, previous);
                if (next is null)
                {
                    break;
                }

                matched++;
                previous = next;
            }

            return matched;
        }
    }

    public override void Add(CorrelationEntry entry) => _queues[entry.Slot].Add(entry);

    public override void Remove(CorrelationEntry entry)
    {
        var slot = entry.Slot;
        var queue = _queues[slot];
        _heads[slot]++;
        if (_heads[slot] == queue.Count)
        {
            queue.Clear();
            _heads[slot] = 0;
        }
        else if (_heads[slot] >= 1024 && _heads[slot] * 2 >= queue.Count)
        {
            queue.RemoveRange(0, _heads[slot]);
            _heads[slot] = 0;
        }
    }

    public override void Clear()
    {
        foreach (var queue in _queues)
        {
            queue.Clear();
        }

        Array.Clear(_heads);
    }

    private CorrelationEntry? FirstAfter(int slot, CorrelationEntry? previous)
    {
        var queue = _queues[slot];
        var lo = _heads[slot];
        var hi = queue.Count;
        if (previous is not null)
        {
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (CorrelationEntryComparer.Instance.Compare(queue[mid], previous) > 0)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }
        }

        return lo < queue.Count ? queue[lo] : null;
    }
}
