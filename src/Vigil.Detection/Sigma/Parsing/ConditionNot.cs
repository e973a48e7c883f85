namespace Vigil.Detection.Sigma.Parsing;

internal sealed class ConditionNot(ConditionNode child) : ConditionNode
{
    public ConditionNode Child { get; } = child;
}
