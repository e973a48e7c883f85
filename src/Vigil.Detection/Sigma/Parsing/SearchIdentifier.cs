namespace Vigil.Detection.Sigma.Parsing;

/// <summary>One named search: alternatives (OR) of predicate conjunctions (AND).</summary>
internal sealed class SearchIdentifier
{
    public required string Name { get; init; }

    /// <summary>Gets the alternatives; each is a list of predicates that must all hold.</summary>
    public required IReadOnlyList<IReadOnlyList<FieldPredicate>> Alternatives { get; init; }
}
