namespace Vigil.Detection.Sigma.Parsing;

internal sealed class ConditionSearch(string name) : ConditionNode
{
    public string Name { get; } = name;
}
