namespace Vigil.Ingest.Enrichment.Statistics;

/// <summary>
/// The most frequent values of a stream in bounded memory (the Space-Saving algorithm): tracks at most a fixed number
/// of values; a new value evicts the least counted one and inherits its count as error. Thread-safe through a lock,
/// which only the unresolved path takes.
/// </summary>
internal sealed class TopValues(int capacity)
{
    private readonly Dictionary<string, (long Count, long Error)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Add(string value)
    {
        lock (_lock)
        {
            if (_counts.TryGetValue(value, out var entry))
            {
                _counts[value] = (entry.Count + 1, entry.Error);
                return;
            }

            if (_counts.Count < capacity)
            {
                _counts[value] = (1, 0);
                return;
            }

            var (minKey, min) = (string.Empty, long.MaxValue);
            foreach (var (key, (count, _)) in _counts)
            {
                if (count < min)
                {
                    (minKey, min) = (key, count);
                }
            }

            _counts.Remove(minKey);
            _counts[value] = (min + 1, min);
        }
    }

    public UnresolvedValue[] Top(int count)
    {
        lock (_lock)
        {
            return [.. _counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count)
                .Select(p => new UnresolvedValue(p.Key, p.Value.Count, p.Value.Error))];
        }
    }
}
