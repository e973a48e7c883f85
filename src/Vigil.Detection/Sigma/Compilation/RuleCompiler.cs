using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Compiles a parsed detection into match nodes for one logsource variant (one field-name mapping).</summary>
internal sealed class RuleCompiler
{
    private readonly Func<string, int> _resolve;
    private readonly Dictionary<string, MatchNode> _searches = new(StringComparer.Ordinal);
    private readonly SigmaDetection _detection;

    public RuleCompiler(SigmaDetection detection, Func<string, int> resolve)
    {
        _detection = detection;
        _resolve = resolve;
    }

    public MatchNode Compile() => Compile(_detection.Condition);

    private MatchNode Compile(ConditionNode node) => node switch
    {
        ConditionSearch s => Search(s.Name),
        ConditionAnd a => new AndNode([.. a.Children.Select(Compile)]),
        ConditionOr o => new OrNode([.. o.Children.Select(Compile)]),
        ConditionNot n => new NotNode(Compile(n.Child)),
        ConditionAtLeast l => new AtLeastNode(l.Count, [.. l.Children.Select(Compile)]),
        ConditionConstant c => new ConstantNode(c.Value),
        _ => throw new InvalidOperationException($"unknown condition node {node.GetType().Name}"),
    };

    private MatchNode Search(string name)
    {
        if (_searches.TryGetValue(name, out var compiled))
        {
            return compiled;
        }

        var search = _detection.Searches[name];
        var alternatives = search.Alternatives
            .Select(alt => alt.Count == 1 ? Predicate(alt[0]) : new AndNode([.. alt.Select(Predicate)]))
            .ToArray();
        compiled = alternatives.Length == 1 ? alternatives[0] : new OrNode(alternatives);
        _searches[name] = compiled;
        return compiled;
    }

    private MatchNode Predicate(FieldPredicate p)
    {
        var fieldId = p.Field is null ? PredicateNode.KeywordField : _resolve(p.Field);
        return p.Kind switch
        {
            PredicateKind.Pattern => new PatternNode(fieldId, p),
            PredicateKind.Regex => new RegexNode(fieldId, p),
            PredicateKind.Cidr => new CidrNode(fieldId, p),
            PredicateKind.Compare => new CompareNode(fieldId, p),
            PredicateKind.Time => new TimeNode(fieldId, p),
            PredicateKind.Exists => new ExistsNode(fieldId, p.ExistsValue),
            PredicateKind.FieldRef => new FieldRefNode(fieldId, [.. p.ReferencedFields.Select(_resolve)], p),
            _ => throw new InvalidOperationException($"unknown predicate kind {p.Kind}"),
        };
    }
}
