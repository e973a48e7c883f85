namespace Vigil.Detection.Correlation;

/// <summary>
/// The <c>condition</c> of a correlation: one or more comparisons that must all hold (several make a range),
/// plus the <c>field</c> the <c>value_*</c> types aggregate.
/// </summary>
public sealed class CorrelationCondition
{
    /// <summary>Creates a condition.</summary>
    /// <param name="comparisons">The comparisons (at least one), all of which must hold.</param>
    /// <param name="field">The aggregated field (<c>value_*</c> types), or null.</param>
    public CorrelationCondition(IReadOnlyList<CorrelationComparison> comparisons, string? field)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("A condition needs at least one comparison.", nameof(comparisons));
        }

        Comparisons = comparisons;
        Field = field;
    }

    /// <summary>Gets the comparisons, in the order written; all must hold.</summary>
    public IReadOnlyList<CorrelationComparison> Comparisons { get; }

    /// <summary>Gets the field the <c>value_*</c> types aggregate, or null.</summary>
    public string? Field { get; }

    /// <summary>Tells whether <paramref name="value"/> passes every comparison.</summary>
    /// <param name="value">The aggregated value.</param>
    /// <returns>True when all comparisons hold.</returns>
    public bool IsSatisfiedBy(double value)
    {
        foreach (var comparison in Comparisons)
        {
            if (!comparison.IsSatisfiedBy(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Join(" and ", Comparisons.Select(c => $"{CorrelationConstants.OperatorName(c.Operator)} {c.Operand}"));
}
