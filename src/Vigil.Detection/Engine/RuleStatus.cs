using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Engine;

/// <summary>One rule as the engine sees it.</summary>
public sealed class RuleStatus
{
    /// <summary>Gets the rule.</summary>
    public required SigmaRule Rule { get; init; }

    /// <summary>Gets what the engine does with it.</summary>
    public RuleState State { get; init; }

    /// <summary>Gets whether the logsource mapping knows the rule's logsource.</summary>
    public bool LogsourceKnown { get; init; }

    /// <summary>Gets the names of the logsource variants (event sources) the rule applies to.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Gets the rule's ATT&amp;CK mapping.</summary>
    public AttackMapping Attack { get; init; } = AttackMapping.Empty;

    /// <summary>Gets load warnings and compile diagnostics.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; init; } = [];
}
