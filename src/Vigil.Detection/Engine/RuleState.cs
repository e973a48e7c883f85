namespace Vigil.Detection.Engine;

/// <summary>What the engine does with a rule.</summary>
public enum RuleState
{
    /// <summary>The rule is compiled and matched.</summary>
    Active = 0,

    /// <summary>The rule was left out by the rule selection (level, status, tag).</summary>
    NotSelected = 1,

    /// <summary>The rule's logsource is unknown and strict logsource matching is on.</summary>
    UnknownLogsource = 2,

    /// <summary>The rule could not be compiled; see its diagnostics.</summary>
    Failed = 3,
}
