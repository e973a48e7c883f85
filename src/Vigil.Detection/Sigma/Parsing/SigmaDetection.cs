namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The parsed <c>detection</c> section of a rule: named searches and the condition over them.</summary>
internal sealed class SigmaDetection
{
    public required IReadOnlyDictionary<string, SearchIdentifier> Searches { get; init; }

    public required ConditionNode Condition { get; init; }

    public required string ConditionText { get; init; }
}
