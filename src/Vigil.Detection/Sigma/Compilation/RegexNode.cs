using System.Text.RegularExpressions;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Regular expressions (NonBacktracking, or backtracking with a match timeout when a construct needs it).</summary>
internal sealed class RegexNode(int fieldId, FieldPredicate predicate)
    : PredicateNode(fieldId, predicate.Regexes.Count, predicate.All, predicate.NotEqual, matchesNull: false)
{
    private readonly SigmaRegex[] _regexes = [.. predicate.Regexes];

    protected override bool MatchGroup(int group, ReadOnlySpan<char> value, EventRecord record)
    {
        try
        {
            return _regexes[group].Instance.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            EngineCounters.RegexTimedOut();
            return false;
        }
    }
}
