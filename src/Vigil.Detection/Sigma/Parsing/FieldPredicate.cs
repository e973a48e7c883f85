using System.Net;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>
/// One field condition of a search (<c>Field|modifiers: values</c>), or a keyword condition when <see cref="Field"/> is null.
/// Values are groups of alternatives: expansions (windash, base64offset, placeholders) make several alternatives of one
/// written value; the groups are OR-ed, or AND-ed with the <c>all</c> modifier.
/// </summary>
internal sealed class FieldPredicate
{
    /// <summary>Gets the field as written in the rule, or null for keywords.</summary>
    public string? Field { get; init; }

    public PredicateKind Kind { get; init; }

    public bool All { get; init; }

    public bool Cased { get; init; }

    /// <summary>Gets whether the predicate is negated (<c>neq</c>): true when the field exists and equals none of the values.</summary>
    public bool NotEqual { get; init; }

    public PatternPosition Position { get; init; }

    public CompareOperator Operator { get; init; }

    public TimePart TimePart { get; init; }

    /// <summary>Gets the string patterns (wildcards as <see cref="SigmaPattern.AnyString"/> and <see cref="SigmaPattern.AnyChar"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Patterns { get; init; } = [];

    /// <summary>Gets whether the value list contains null (matches a missing field or a JSON null).</summary>
    public bool MatchesNull { get; init; }

    public IReadOnlyList<SigmaRegex> Regexes { get; init; } = [];

    public IReadOnlyList<IPNetwork> Networks { get; init; } = [];

    public IReadOnlyList<double> Numbers { get; init; } = [];

    public bool ExistsValue { get; init; }

    public IReadOnlyList<string> ReferencedFields { get; init; } = [];

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>Gets the key as written (field and modifiers).</summary>
    public string Key { get; init; } = string.Empty;
}
