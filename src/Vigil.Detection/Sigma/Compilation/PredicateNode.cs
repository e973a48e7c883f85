using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// A field predicate over every entry of a field (multi-valued fields match when any entry does), or over every
/// field of the event for keywords (<see cref="KeywordField"/>). Value groups are OR-ed, or AND-ed when <c>all</c> is set.
/// </summary>
internal abstract class PredicateNode : MatchNode
{
    public const int KeywordField = -2;

    protected PredicateNode(int fieldId, int groupCount, bool all, bool notEqual, bool matchesNull)
    {
        FieldId = fieldId;
        GroupCount = groupCount;
        All = all && groupCount > 1;
        NotEqual = notEqual;
        MatchesNull = matchesNull;
    }

    public int FieldId { get; }

    public int GroupCount { get; }

    public bool All { get; }

    public bool NotEqual { get; }

    public bool MatchesNull { get; }

    /// <summary>Whether <paramref name="value"/> satisfies group <paramref name="group"/>.</summary>
    protected abstract bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record);

    /// <summary>Whether <paramref name="value"/> satisfies any group.</summary>
    protected virtual bool MatchAny(ReadOnlySpan<char> value, EventRecord record)
    {
        for (var g = 0; g < GroupCount; g++)
        {
            if (MatchGroup(g, value, record))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Eval(EventRecord record) => FindEntry(record, out _);

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
        if (FindEntry(record, out var entry) && entry >= 0)
        {
            matched.Add(new(record.NameAt(entry).ToString(), record.ValueAt(entry).ToString()));
        }
    }

    /// <summary>Evaluates the predicate; <paramref name="entry"/> is an entry that shows why (or -1).</summary>
    protected bool FindEntry(EventRecord record, out int entry)
    {
        entry = -1;
        if (FieldId == KeywordField)
        {
            return EvalKeywords(record, out entry);
        }

        var first = record.First(FieldId);
        if (first < 0)
        {
            return MatchesNull && !NotEqual;
        }

        if (NotEqual)
        {
            for (var e = first; e >= 0; e = record.Next(e))
            {
                if (record.KindAt(e) != FieldValueKind.Null && MatchAny(record.ValueAt(e), record))
                {
                    return false;
                }
            }

            entry = first;
            return true;
        }

        if (All)
        {
            for (var g = 0; g < GroupCount; g++)
            {
                var found = false;
                for (var e = first; e >= 0 && !found; e = record.Next(e))
                {
                    found = record.KindAt(e) != FieldValueKind.Null && MatchGroup(g, record.ValueAt(e), record);
                }

                if (!found)
                {
                    return false;
                }
            }

            entry = first;
            return true;
        }

        for (var e = first; e >= 0; e = record.Next(e))
        {
            if (record.KindAt(e) == FieldValueKind.Null)
            {
                if (MatchesNull)
                {
                    entry = e;
                    return true;
                }

                continue;
            }

            if (MatchAny(record.ValueAt(e), record))
            {
                entry = e;
                return true;
            }
        }

        return false;
    }

    private bool EvalKeywords(EventRecord record, out int entry)
    {
        entry = -1;
        var count = record.FieldCount;
        if (All)
        {
            for (var g = 0; g < GroupCount; g++)
            {
                var found = false;
                for (var e = 0; e < count && !found; e++)
                {
                    found = MatchGroup(g, record.ValueAt(e), record);
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        for (var e = 0; e < count; e++)
        {
            if (MatchAny(record.ValueAt(e), record))
            {
                entry = e;
                return true;
            }
        }

        return false;
    }
}
