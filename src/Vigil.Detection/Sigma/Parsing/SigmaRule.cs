using Vigil.Detection.Correlation;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>One Sigma rule document as loaded: metadata plus its detection, correlation or filter part.</summary>
public sealed class SigmaRule
{
    /// <summary>Gets the file the rule came from.</summary>
    public required string File { get; init; }

    /// <summary>Gets the 1-based line where the rule document starts.</summary>
    public int Line { get; init; }

    /// <summary>Gets the kind of rule.</summary>
    public SigmaRuleKind Kind { get; init; }

    /// <summary>Gets the rule id (a UUID by convention), or null.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the rule name (used by correlation and filter references), or null.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Gets the status (stable, test, experimental, deprecated, unsupported), or null.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the level (informational, low, medium, high, critical), or null.</summary>
    public string? Level { get; init; }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the author, or null.</summary>
    public string? Author { get; init; }

    /// <summary>Gets the tags as written (for example <c>attack.t1059.001</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the listed false positives.</summary>
    public IReadOnlyList<string> FalsePositives { get; init; } = [];

    /// <summary>Gets the logsource.</summary>
    public SigmaLogsource Logsource { get; init; } = SigmaLogsource.Any;

    /// <summary>Gets the detection part (detection and filter rules), or null.</summary>
    internal SigmaDetection? Detection { get; init; }

    /// <summary>Gets the rule ids or names a filter rule applies to (filter rules only).</summary>
    public IReadOnlyList<string> FilterTargets { get; init; } = [];

    /// <summary>Gets the correlation part (correlation rules only), or null.</summary>
    public CorrelationDefinition? Correlation { get; init; }

    /// <summary>Gets warnings found while loading (the rule loaded anyway).</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; init; } = [];

    /// <summary>Gets the id when present, else the name, else the title.</summary>
    public string Key => Id ?? Name ?? Title;

    /// <inheritdoc />
    public override string ToString() => $"{Title} ({Key})";
}
