using System.Collections.Frozen;

namespace Vigil.Core.Events;

/// <summary>
/// The field names some consumer (rules, mappings) asks for, each with a dense integer id.
/// Field names are matched case-insensitively (ordinal). Immutable and thread-safe.
/// </summary>
public sealed class EventSchema
{
    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _names;

    /// <summary>Creates a schema over the given field names (duplicates, ignoring case, are merged).</summary>
    /// <param name="names">The field names.</param>
    public EventSchema(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var name in names)
        {
            if (map.TryAdd(name, list.Count))
            {
                list.Add(name);
            }
        }

        _names = [.. list];
        _ids = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty schema: every field is unknown.</summary>
    public static EventSchema Empty { get; } = new([]);

    /// <summary>Gets the number of known fields.</summary>
    public int Count => _names.Length;

    /// <summary>Gets the name of field <paramref name="id"/> as first registered.</summary>
    /// <param name="id">A field id.</param>
    /// <returns>The field name.</returns>
    public string NameOf(int id) => _names[id];

    /// <summary>Returns the id of <paramref name="name"/>, or -1 when no consumer asked for it.</summary>
    /// <param name="name">A field name.</param>
    /// <returns>The id, or -1.</returns>
    public int Resolve(ReadOnlySpan<char> name) => _lookup.TryGetValue(name, out var id) ? id : -1;

    /// <summary>Returns the id of <paramref name="name"/>, or -1 when no consumer asked for it.</summary>
    /// <param name="name">A field name.</param>
    /// <returns>The id, or -1.</returns>
    public int Resolve(string name) => _ids.TryGetValue(name, out var id) ? id : -1;
}
