namespace Vigil.Detection.Sigma.Parsing;

internal sealed class ConditionAnd(IReadOnlyList<ConditionNode> children) : ConditionNode
{
    public IReadOnlyList<ConditionNode> Children { get; } = children;
}
