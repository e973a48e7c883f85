namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The kinds of Sigma rule documents.</summary>
public enum SigmaRuleKind
{
    /// <summary>A detection rule (has <c>detection</c>).</summary>
    Detection = 0,

    /// <summary>A correlation rule (has <c>correlation</c>).</summary>
    Correlation = 1,

    /// <summary>A filter (meta filter) rule (has <c>filter</c>).</summary>
    Filter = 2,
}
