using System.Collections.Frozen;

namespace Vigil.Ingest.Enrichment.Network;

/// <summary>
/// Longest-prefix match over IP prefixes: one frozen hash table per distinct prefix length, probed from the longest
/// length down. A lookup costs one hash probe per distinct length in use (at most 129, usually a handful), whatever
/// the number of prefixes, and allocates nothing.
/// </summary>
/// <typeparam name="T">The value stored per prefix.</typeparam>
internal sealed class IpPrefixTable<T>
    where T : class
{
    private readonly int[] _lengths;
    private readonly FrozenDictionary<UInt128, T>[] _tables;

    /// <summary>Builds the table; when a prefix appears twice the first value is kept.</summary>
    public IpPrefixTable(IEnumerable<(UInt128 Key, int Length, T Value)> prefixes)
    {
        var byLength = new SortedDictionary<int, Dictionary<UInt128, T>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var (key, length, value) in prefixes)
        {
            if (!byLength.TryGetValue(length, out var table))
            {
                byLength[length] = table = [];
            }

            table.TryAdd(key & IpKey.Mask(length), value);
        }

        _lengths = [.. byLength.Keys];
        _tables = [.. byLength.Values.Select(t => t.ToFrozenDictionary())];
    }

    public int Count => _tables.Sum(t => t.Count);

    /// <summary>Finds the value of the longest prefix holding <paramref name="key"/> that <paramref name="accept"/> accepts.</summary>
    public T? Match<TState>(UInt128 key, TState state, Func<T, TState, bool> accept)
    {
        for (var i = 0; i < _lengths.Length; i++)
        {
            if (_tables[i].TryGetValue(key & IpKey.Mask(_lengths[i]), out var value) && accept(value, state))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Finds the value of the longest prefix holding <paramref name="key"/>.</summary>
    public T? Match(UInt128 key, out int length)
    {
        for (var i = 0; i < _lengths.Length; i++)
        {
            if (_tables[i].TryGetValue(key & IpKey.Mask(_lengths[i]), out var value))
            {
                length = _lengths[i];
                return value;
            }
        }

        length = 0;
        return null;
    }
}
