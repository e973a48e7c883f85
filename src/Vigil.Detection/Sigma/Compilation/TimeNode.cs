using System.Globalization;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// A date component (minute, hour, day, week, month, year) of the field's value, compared as a number. The date is
/// read as written (no time zone conversion, as the specification says); a value that is not a date never matches.
/// </summary>
internal sealed class TimeNode(int fieldId, FieldPredicate predicate)
    : PredicateNode(fieldId, predicate.Numbers.Count, predicate.All, predicate.NotEqual, matchesNull: false)
{
    private readonly double[] _numbers = [.. predicate.Numbers];
    private readonly CompareOperator _op = predicate.Operator;
    private readonly TimePart _part = predicate.TimePart;

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
        => TryPart(value, _part, out var number) && CompareNode.Compare(number, _numbers[group], _op);

    internal static bool TryPart(ReadOnlySpan<char> value, TimePart part, out int number)
    {
        number = 0;
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        var local = time.DateTime;
        number = part switch
        {
            TimePart.Minute => local.Minute,
            TimePart.Hour => local.Hour,
            TimePart.Day => local.Day,
            TimePart.Week => ISOWeek.GetWeekOfYear(local),
            TimePart.Month => local.Month,
            _ => local.Year,
        };
        return true;
    }
}
