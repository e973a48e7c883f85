namespace Vigil.Detection.Correlation;

/// <summary>One comparison of a correlation condition, such as <c>gte: 10</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">The value the aggregate is compared with.</param>
public readonly record struct CorrelationComparison(CorrelationOperator Operator, double Operand)
{
    /// <summary>Tells whether <paramref name="value"/> passes this comparison.</summary>
    /// <param name="value">The aggregated value.</param>
    /// <returns>True when it passes.</returns>
    public bool IsSatisfiedBy(double value) => Operator switch
    {
        CorrelationOperator.GreaterThan => value > Operand,
        CorrelationOperator.GreaterThanOrEqual => value >= Operand,
        CorrelationOperator.LessThan => value < Operand,
        CorrelationOperator.LessThanOrEqual => value <= Operand,
        CorrelationOperator.Equal => value == Operand,
        _ => value != Operand,
    };
}
