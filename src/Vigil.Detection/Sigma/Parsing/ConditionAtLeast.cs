namespace Vigil.Detection.Sigma.Parsing;

/// <summary>At least <see cref="Count"/> of the children hold (<c>2 of selection_*</c>).</summary>
internal sealed class ConditionAtLeast(int count, IReadOnlyList<ConditionNode> children) : ConditionNode
{
    public int Count { get; } = count;

    public IReadOnlyList<ConditionNode> Children { get; } = children;
}
