namespace Vigil.Detection.Sigma.Parsing;

/// <summary>A constant (an <c>of</c> over no matching search: <c>all of</c> is true, <c>1 of</c> is false).</summary>
internal sealed class ConditionConstant(bool value) : ConditionNode
{
    public bool Value { get; } = value;
}
