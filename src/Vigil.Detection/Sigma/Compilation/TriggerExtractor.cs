using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// Derives from a rule its trigger: at most <see cref="MaxClauses"/> clauses, each a set of needles of which at
/// least one must be present, all clauses being required for the rule to be able to match (a conjunction of
/// disjunctions). Null when no such set exists: the rule is then evaluated on every event of its logsource.
/// An empty clause means the rule can never match.
/// </summary>
internal sealed class TriggerExtractor(SigmaDetection detection, Func<string, int> resolve)
{
    public const int MaxClauses = 2;

    /// <summary>How many clauses a part of the condition keeps for its parents to choose from.</summary>
    private const int KeptClauses = 4;

    /// <summary>Gets the trigger: the <see cref="MaxClauses"/> most selective required clauses; null when the rule has none.</summary>
    public List<List<Needle>>? Extract() => Of(detection.Condition) is { } clauses ? [.. clauses.OrderByDescending(Score).Take(MaxClauses)] : null;

    private List<List<Needle>>? Of(ConditionNode node) => node switch
    {
        ConditionSearch s => OfSearch(detection.Searches[s.Name]),
        ConditionAnd a => Conjunction(a.Children.Select(Of)),
        ConditionOr o => Disjunction(o.Children.Select(Of)),
        ConditionAtLeast l => Disjunction(l.Children.Select(Of)),
        ConditionConstant { Value: false } => [[]],
        _ => null,
    };

    private List<List<Needle>>? OfSearch(SearchIdentifier search)
        => Disjunction(search.Alternatives.Select(alt => Conjunction(alt.Select(OfPredicate))));

    private List<List<Needle>>? OfPredicate(FieldPredicate p)
    {
        if (p.NotEqual || p.MatchesNull)
        {
            return null;
        }

        var fieldId = p.Field is null ? PredicateNode.KeywordField : resolve(p.Field);
        List<List<Needle>?> groups;
        if (p.Kind == PredicateKind.Regex && p.Regexes.Count > 0)
        {
            groups = [.. p.Regexes.Select(r => RegexLiteral.Extract(r.Pattern) is { } literal ? new List<Needle> { Needle.Substring(fieldId, literal) } : null)];
        }
        else if (p.Kind == PredicateKind.Pattern && p.Patterns.Count > 0)
        {
            groups = [.. p.Patterns.Select(group => Union(group.Select(pattern => OfPattern(fieldId, pattern))))];
        }
        else
        {
            return null;
        }

        // With 'all' every group is required (each is a clause); otherwise any group will do (one clause).
        return p.All ? Conjunction(groups.Select(g => g is null ? null : new List<List<Needle>> { g })) : Single(Union(groups));
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

    private static List<List<Needle>>? Single(List<Needle>? clause) => clause is null ? null : [clause];

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

    /// <summary>All parts are required: keep the most selective clauses among them.</summary>
    private static List<List<Needle>>? Conjunction(IEnumerable<List<List<Needle>>?> parts)
    {
        var clauses = parts.OfType<List<List<Needle>>>().SelectMany(c => c).ToList();
        if (clauses.Count == 0)
        {
            return null;
        }

        return [.. clauses.OrderByDescending(Score).Take(KeptClauses)];
    }

    /// <summary>
    /// Any part will do: every part must have a trigger. Each part requires all of its clauses, so the k-th clauses
    /// of all parts, unioned, form a required clause: one union per clause rank that every part has (a single part is
    /// kept as it is, with all its clauses).
    /// </summary>
    private static List<List<Needle>>? Disjunction(IEnumerable<List<List<Needle>>?> parts)
    {
        var all = new List<List<List<Needle>>>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            all.Add([.. part.OrderByDescending(Score)]);
        }

        if (all.Count == 1)
        {
            return all[0];
        }

        if (all.Count == 0)
        {
            return [[]];
        }

        var ranks = all.Min(p => p.Count);
        var result = new List<List<Needle>>();
        for (var rank = 0; rank < ranks; rank++)
        {
            result.Add([.. all.SelectMany(p => p.Count > rank ? p[rank] : [])]);
        }

        return result;
    }

    private static long Score(List<Needle> clause)
        => clause.Count == 0 ? long.MaxValue : (clause.Min(n => n.Score) * 64L) - Math.Min(clause.Count, 63);
}
