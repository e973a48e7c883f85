using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Rules;

/// <summary>One rule (or rule document that did not load) in a <c>rules check</c> report.</summary>
internal sealed class RuleCheckEntry
{
    public required string File { get; init; }

    public int Line { get; init; }

    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary>Gets the kind (detection, correlation, filter), or null when the document did not load.</summary>
    public string? Kind { get; init; }

    public string? Level { get; init; }

    public string? Status { get; init; }

    /// <summary>Gets the logsource as product/category/service, or null when the document did not load.</summary>
    public string? Logsource { get; init; }

    /// <summary>Gets whether the logsource mapping knows the logsource (null when the document did not load).</summary>
    public bool? LogsourceKnown { get; init; }

    /// <summary>Gets the state.</summary>
    public required RuleCheckState State { get; init; }

    /// <summary>Gets the name of the state (see <see cref="RuleCheckStates"/>).</summary>
    public string StateName => RuleCheckStates.NameOf(State);

    /// <summary>Gets why the rule failed (empty unless failed).</summary>
    public IReadOnlyList<RuleDiagnostic> Errors { get; init; } = [];

    /// <summary>Gets the warnings (the rule loaded anyway).</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; init; } = [];
}
