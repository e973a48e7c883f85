using System.Globalization;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Numeric comparison of the field (gt, gte, lt, lte); a value that is not a number never matches.</summary>
internal sealed class CompareNode(int fieldId, FieldPredicate predicate)
    : PredicateNode(fieldId, predicate.Numbers.Count, predicate.All, predicate.NotEqual, matchesNull: false)
{
    private readonly double[] _numbers = [.. predicate.Numbers];
    private readonly CompareOperator _op = predicate.Operator;

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Compare(number, _numbers[group], _op);

    internal static bool Compare(double actual, double expected, CompareOperator op) => op switch
    {
        CompareOperator.Greater => actual > expected,
        CompareOperator.GreaterOrEqual => actual >= expected,
        CompareOperator.Less => actual < expected,
        CompareOperator.LessOrEqual => actual <= expected,
        _ => actual == expected,
    };
}
