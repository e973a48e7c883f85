using System.Collections.Frozen;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// One condition of a mapping's <c>match</c> or a class's <c>when</c>: the source field equals one of the values (ordinal,
/// ignoring case; numbers compare as their text), or merely exists when the map gives <c>'*'</c>. A multi-valued field
/// satisfies it when any of its entries does. A value ending in <c>*</c> matches the values that start with the rest, one starting with <c>*</c> those ending with it, one
/// with both those containing it (ignoring case).
/// </summary>
public sealed class MapCondition
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly (string Text, bool Start, bool End)[] _wildcards;

    internal MapCondition(string field, IReadOnlyList<string> values)
    {
        Field = field;
        Values = values;
        _wildcards = [.. values.Where(IsWildcard).Select(v => (v.Trim('*'), v[0] != '*', v[^1] != '*'))];
        _lookup = values.Where(v => !IsWildcard(v))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the source field name.</summary>
    public string Field { get; }

    /// <summary>Gets the accepted values; empty when the field only has to exist.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Tells whether the event satisfies the condition.</summary>
    /// <param name="record">The event.</param>
    /// <returns>Whether it does.</returns>
    public bool IsSatisfiedBy(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = record.Find(Field);
        if (Values.Count == 0)
        {
            return entry >= 0;
        }

        for (; entry >= 0; entry = record.FieldIdAt(entry) >= 0 ? record.Next(entry) : NextByName(record, entry))
        {
            var value = record.ValueAt(entry);
            if (_lookup.Contains(value))
            {
                return true;
            }

            foreach (var (text, anchoredStart, anchoredEnd) in _wildcards)
            {
                var matched = (anchoredStart, anchoredEnd) switch
                {
                    (true, false) => value.StartsWith(text, StringComparison.OrdinalIgnoreCase),
                    (false, true) => value.EndsWith(text, StringComparison.OrdinalIgnoreCase),
                    _ => value.Contains(text, StringComparison.OrdinalIgnoreCase),
                };
                if (matched)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWildcard(string value) => value.Length > 1 && (value[0] == '*' || value[^1] == '*') && value.Trim('*').Length > 0;

    /// <inheritdoc />
    public override string ToString() => Values.Count == 0 ? $"{Field}: '*'" : $"{Field}: [{string.Join(", ", Values)}]";

    /// <summary>The next entry with the same name, for fields the schema does not know (their entries are not chained).</summary>
    internal static int NextByName(EventRecord record, int entry)
    {
        var name = record.NameAt(entry);
        for (var i = entry + 1; i < record.FieldCount; i++)
        {
            if (record.NameAt(i).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
