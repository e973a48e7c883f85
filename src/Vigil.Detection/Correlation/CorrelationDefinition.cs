using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

/// <summary>The <c>correlation</c> section of a Sigma correlation rule (Sigma specification v2.1.0), parsed and checked.</summary>
public sealed class CorrelationDefinition
{
    /// <summary>Gets the correlation type.</summary>
    public required CorrelationType Type { get; init; }

    /// <summary>Gets the referenced rules (ids or names of detection or correlation rules), in the order written.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Gets the group-by fields or aliases, in the order written (empty: one group for all events).</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Gets the window length.</summary>
    public required TimeSpan Timespan { get; init; }

    /// <summary>Gets the window length as written (for example <c>5m</c>).</summary>
    public required string TimespanText { get; init; }

    /// <summary>Gets the condition, or null when a temporal correlation has none (then every referenced rule must be seen).</summary>
    public CorrelationCondition? Condition { get; init; }

    /// <summary>Gets the field the <c>value_*</c> types aggregate (<c>condition.field</c>), or null.</summary>
    public string? ValueField => Condition?.Field;

    /// <summary>Gets the field name aliases: alias name to (referenced rule name or id to the field name in that rule's events).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; init; }
        = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>Gets whether the referenced rules also report their own hits (<c>generate</c>, default false).</summary>
    public bool Generate { get; init; }

    /// <summary>Gets the file the section came from.</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>Gets the 1-based line of the section.</summary>
    public int Line { get; init; }

    /// <summary>Gets the 1-based column of the section.</summary>
    public int Column { get; init; }

    /// <summary>Gets the condition the engine applies: <see cref="Condition"/>, or "all referenced rules" for a temporal type without one.</summary>
    internal CorrelationCondition EffectiveCondition => Condition
        ?? new CorrelationCondition([new CorrelationComparison(CorrelationOperator.GreaterThanOrEqual, Rules.Count)], field: null);

    /// <summary>Parses and checks a <c>correlation</c> mapping.</summary>
    /// <param name="correlation">The mapping under the <c>correlation</c> key.</param>
    /// <param name="file">The rule file (kept for diagnostics).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="Sigma.Parsing.SigmaRuleException">The section is invalid; carries the line, column and construct.</exception>
    public static CorrelationDefinition Parse(YamlMappingNode correlation, string file)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        return CorrelationDefinitionParser.Parse(correlation, file ?? string.Empty);
    }

    /// <summary>Resolves a group-by name or value field for events of one referenced rule through <see cref="Aliases"/>.</summary>
    /// <param name="name">The group-by entry or field as written.</param>
    /// <param name="ruleKey">The id (or name) of the rule that produced the event.</param>
    /// <param name="ruleName">The name of that rule, or null.</param>
    /// <returns>The event field name to read.</returns>
    internal string ResolveField(string name, string ruleKey, string? ruleName)
    {
        if (Aliases.TryGetValue(name, out var perRule))
        {
            foreach (var (rule, field) in perRule)
            {
                if (string.Equals(rule, ruleKey, StringComparison.OrdinalIgnoreCase)
                    || (ruleName is not null && string.Equals(rule, ruleName, StringComparison.OrdinalIgnoreCase)))
                {
                    return field;
                }
            }
        }

        return name;
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{CorrelationConstants.TypeName(Type)} of [{string.Join(", ", Rules)}] by [{string.Join(", ", GroupBy)}] within {TimespanText}"
            + (Condition is null ? string.Empty : $" where {Condition}");
}
