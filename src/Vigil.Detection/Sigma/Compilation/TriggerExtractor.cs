using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// Derives from a rule a set of needles of which at least one must be present for the rule to match (its trigger),
/// or null when no such set exists (the rule is then evaluated on every event of its logsource).
/// </summary>
internal sealed class TriggerExtractor(SigmaDetection detection, Func<string, int> resolve)
{
    public List<Needle>? Extract() => Of(detection.Condition);

    private List<Needle>? Of(ConditionNode node) => node switch
    {
        ConditionSearch s => OfSearch(detection.Searches[s.Name]),
        ConditionAnd a => Best(a.Children.Select(Of)),
        ConditionOr o => Union(o.Children.Select(Of)),
        ConditionAtLeast l => Union(l.Children.Select(Of)),
        ConditionConstant { Value: false } => [],
        _ => null,
    };

    private List<Needle>? OfSearch(SearchIdentifier search)
        => Union(search.Alternatives.Select(alt => Best(alt.Select(OfPredicate))));

    private List<Needle>? OfPredicate(FieldPredicate p)
    {
        if (p.NotEqual || p.MatchesNull)
        {
            return null;
        }

        var fieldId = p.Field is null ? PredicateNode.KeywordField : resolve(p.Field);
        if (p.Kind == PredicateKind.Regex && p.Regexes.Count > 0)
        {
            var literals = p.Regexes.Select(r => RegexLiteral.Extract(r.Pattern)).ToList();
            List<Needle>? OfRegex(string? literal) => literal is null ? null : [Needle.Substring(fieldId, literal)];
            return p.All ? Best(literals.Select(OfRegex)) : Union(literals.Select(OfRegex));
        }

        if (p.Kind != PredicateKind.Pattern || p.Patterns.Count == 0)
        {
            return null;
        }

        List<Needle>? OfGroup(IReadOnlyList<string> group) => Union(group.Select(pattern => OfPattern(fieldId, pattern)));
        return p.All ? Best(p.Patterns.Select(OfGroup)) : Union(p.Patterns.Select(OfGroup));
    }

    private static List<Needle>? OfPattern(int fieldId, string pattern)
    {
        if (!SigmaPattern.HasWildcards(pattern))
        {
            if (fieldId == PredicateNode.KeywordField)
            {
                return pattern.Length == 0 ? null : [Needle.Substring(fieldId, pattern)];
            }

            return [new Needle(fieldId, pattern, Whole: true)];
        }

        var best = string.Empty;
        foreach (var run in pattern.Split([SigmaPattern.AnyString, SigmaPattern.AnyChar]))
        {
            if (run.Length > best.Length)
            {
                best = run;
            }
        }

        return best.Length == 0 ? null : [Needle.Substring(fieldId, best)];
    }

    private static List<Needle>? Union(IEnumerable<List<Needle>?> parts)
    {
        var result = new List<Needle>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            result.AddRange(part);
        }

        return result;
    }

    private static List<Needle>? Best(IEnumerable<List<Needle>?> parts)
    {
        List<Needle>? best = null;
        var bestScore = int.MinValue;
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }

            var score = part.Count == 0 ? int.MaxValue : part.Min(n => n.Score) * 64 - Math.Min(part.Count, 63);
            if (score > bestScore)
            {
                best = part;
                bestScore = score;
            }
        }

        return best;
    }
}
