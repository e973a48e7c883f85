namespace Vigil.Detection.Correlation;

/// <summary>
/// One group of one correlation: its sorted buffer, the events that arrived since the last sweep, and the sweep position.
/// <c>Buffer[Anchor..Right)</c> is the window held by <see cref="Aggregator"/>; everything before <c>Anchor</c> is evicted.
/// </summary>
internal sealed class CorrelationGroup(string key, string[] values, WindowAggregator aggregator)
{
    public string Key { get; } = key;

    public string[] Values { get; } = values;

    public WindowAggregator Aggregator { get; } = aggregator;

    public List<CorrelationEntry> Buffer { get; } = [];

    public List<CorrelationEntry> Pending { get; } = [];

    public long PendingMinTime { get; set; } = long.MaxValue;

    public int Anchor { get; set; }

    public int Right { get; set; }

    /// <summary>Gets or sets the deadline the group is queued under, or null when it is not queued.</summary>
    public long? QueuedDeadline { get; set; }

    public bool IsEmpty => Anchor >= Buffer.Count && Pending.Count == 0;

    /// <summary>Gets the time of the earliest event that has not been a window anchor yet.</summary>
    public long FirstOpenTime => Math.Min(Anchor < Buffer.Count ? Buffer[Anchor].Time : long.MaxValue, PendingMinTime);

    public void AddPending(CorrelationEntry entry)
    {
        Pending.Add(entry);
        PendingMinTime = Math.Min(PendingMinTime, entry.Time);
    }

    /// <summary>
    /// Sorts the pending events into the buffer. They always sort after the aggregated window (lateness guarantees it), and
    /// usually near the end, so only the buffer's tail from the first pending event's position on is merged.
    /// </summary>
    public void MergePending()
    {
        if (Pending.Count == 0)
        {
            return;
        }

        var comparer = CorrelationEntryComparer.Instance;
        Pending.Sort(comparer);
        var start = FirstAfter(Pending[0]);
        if (start == Buffer.Count)
        {
            Buffer.AddRange(Pending);
        }
        else
        {
            var tail = Buffer.GetRange(start, Buffer.Count - start);
            Buffer.RemoveRange(start, tail.Count);
            int i = 0, j = 0;
            while (i < tail.Count && j < Pending.Count)
            {
                Buffer.Add(comparer.Compare(tail[i], Pending[j]) <= 0 ? tail[i++] : Pending[j++]);
            }

            for (; i < tail.Count; i++)
            {
                Buffer.Add(tail[i]);
            }

            for (; j < Pending.Count; j++)
            {
                Buffer.Add(Pending[j]);
            }
        }

        Pending.Clear();
        PendingMinTime = long.MaxValue;
    }

    /// <summary>
    /// Drops the events before <see cref="Anchor"/> (no future window can contain them) once they are half the buffer,
    /// so eviction costs O(1) per event and memory stays within twice the open windows.
    /// </summary>
    public void Evict()
    {
        if (Anchor == 0 || (Anchor < Buffer.Count && Anchor * 2 < Buffer.Count))
        {
            return;
        }

        Buffer.RemoveRange(0, Anchor);
        Right -= Anchor;
        Anchor = 0;
    }

    /// <summary>Finds the first index at or after <see cref="Right"/> whose event sorts after <paramref name="entry"/>.</summary>
    private int FirstAfter(CorrelationEntry entry)
    {
        var lo = Right;
        var hi = Buffer.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (CorrelationEntryComparer.Instance.Compare(Buffer[mid], entry) > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
