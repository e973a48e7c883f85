namespace Vigil.Detection.Sigma.Parsing;

/// <summary>A node of a parsed condition.</summary>
internal abstract class ConditionNode;
