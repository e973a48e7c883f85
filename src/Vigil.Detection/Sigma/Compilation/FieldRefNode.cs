using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Compares the field with the value of another field of the same event (equals, contains, starts/ends with; <c>neq</c>).</summary>
internal sealed class FieldRefNode(int fieldId, int[] referencedFieldIds, FieldPredicate predicate)
    : PredicateNode(fieldId, referencedFieldIds.Length, predicate.All, predicate.NotEqual, matchesNull: false)
{
    private readonly StringComparison _comparison = predicate.Cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    private readonly PatternPosition _position = predicate.Position;

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
    {
        for (var e = record.First(referencedFieldIds[group]); e >= 0; e = record.Next(e))
        {
            var other = record.ValueAt(e);
            var hit = _position switch
            {
                PatternPosition.Contains => value.Contains(other, _comparison),
                PatternPosition.StartsWith => value.StartsWith(other, _comparison),
                PatternPosition.EndsWith => value.EndsWith(other, _comparison),
                _ => value.Equals(other, _comparison),
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }
}
