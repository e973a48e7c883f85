namespace Vigil.Response.Playbooks;

/// <summary>One comparison of a <c>when</c> condition. Values are numbers: the confidence, or the rank of a severity or criticality.</summary>
/// <param name="Field">What is tested.</param>
/// <param name="Operator">How it is compared.</param>
/// <param name="Values">The value (one) or the values of an <c>in</c> list.</param>
internal sealed record ConditionClause(ConditionField Field, ConditionOperator Operator, IReadOnlyList<double> Values)
{
    /// <summary>Whether the clause holds for an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>True when it holds; false when it does not or the value is unknown.</returns>
    public bool IsTrue(ResponseAlert alert)
    {
        double? actual = Field switch
        {
            ConditionField.Confidence => alert.Confidence,
            ConditionField.Severity => (int)alert.Severity,
            _ => alert.AssetCriticality is { } c ? (int)c : null,
        };
        if (actual is not { } a)
        {
            return false;
        }

        var v = Values[0];
        return Operator switch
        {
            ConditionOperator.Equal => a.Equals(v),
            ConditionOperator.NotEqual => !a.Equals(v),
            ConditionOperator.GreaterOrEqual => a >= v,
            ConditionOperator.Greater => a > v,
            ConditionOperator.LessOrEqual => a <= v,
            ConditionOperator.Less => a < v,
            _ => Values.Contains(a),
        };
    }
}
