namespace Vigil.Cli.Rules;

/// <summary>What <c>vigil rules check</c> reports for a rule (written as <see cref="RuleCheckStates"/> names).</summary>
internal enum RuleCheckState
{
    /// <summary>The rule loaded and compiled; it runs.</summary>
    Loaded = 0,

    /// <summary>The rule did not load or compile.</summary>
    Failed = 1,

    /// <summary>The logsource mapping does not know the rule's logsource and --strict-logsource is on: the rule does not run.</summary>
    UnknownLogsource = 2,

    /// <summary>The rule loaded but the rule selection leaves it out.</summary>
    NotSelected = 3,
}
