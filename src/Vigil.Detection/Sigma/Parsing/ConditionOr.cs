namespace Vigil.Detection.Sigma.Parsing;

internal sealed class ConditionOr(IReadOnlyList<ConditionNode> children) : ConditionNode
{
    public IReadOnlyList<ConditionNode> Children { get; } = children;
}
