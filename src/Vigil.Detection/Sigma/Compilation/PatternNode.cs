using System.Buffers;
using System.Collections.Frozen;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// String patterns on a field. For the common OR case every alternative is folded into one structure per kind:
/// a hash set for whole values, one multi-string search for contains, and short lists for starts/ends-with and wildcards.
/// </summary>
internal sealed class PatternNode : PredicateNode
{
    private readonly StringMatcher[][] _groups;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _equals;
    private readonly bool _hasEquals;
    private readonly SearchValues<string>? _contains;
    private readonly bool _matchAll;
    private readonly StringMatcher[] _others;

    public PatternNode(int fieldId, FieldPredicate predicate)
        : base(fieldId, predicate.Patterns.Count, predicate.All, predicate.NotEqual, predicate.MatchesNull)
    {
        var cased = predicate.Cased;
        _groups = [.. predicate.Patterns.Select(g => g.Select(p => new StringMatcher(p, cased)).ToArray())];
        var all = _groups.SelectMany(g => g).ToList();
        var comparer = cased ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var equals = all.Where(m => !m.IsGlob && m.Kind == PatternPosition.Whole).Select(m => m.Literal).ToFrozenSet(comparer);
        _hasEquals = equals.Count > 0;
        _equals = equals.GetAlternateLookup<ReadOnlySpan<char>>();
        var contains = all.Where(m => !m.IsGlob && m.Kind == PatternPosition.Contains).Select(m => m.Literal).Distinct(comparer).ToArray();
        _matchAll = contains.Any(c => c.Length == 0);
        if (contains.Length > 0 && !_matchAll)
        {
            _contains = SearchValues.Create(contains, cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }

        _others = [.. all.Where(m => m.IsGlob || m.Kind is PatternPosition.StartsWith or PatternPosition.EndsWith)];
    }

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
    {
        foreach (var matcher in _groups[group])
        {
            if (matcher.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    protected override bool MatchAny(ReadOnlySpan<char> value, EventRecord record)
    {
        if (_matchAll || (_hasEquals && _equals.Contains(value)) || (_contains is not null && value.IndexOfAny(_contains) >= 0))
        {
            return true;
        }

        foreach (var matcher in _others)
        {
            if (matcher.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
