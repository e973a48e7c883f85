namespace Vigil.Cli.Rules;

/// <summary>The states <c>vigil rules check</c> reports for a rule.</summary>
internal static class RuleCheckStates
{
    /// <summary>The rule loaded and compiled; it runs.</summary>
    public const string Loaded = "loaded";

    /// <summary>The rule did not load or compile.</summary>
    public const string Failed = "failed";

    /// <summary>The logsource mapping does not know the rule's logsource and --strict-logsource is on: the rule does not run.</summary>
    public const string UnknownLogsource = "unknown-logsource";

    /// <summary>The rule loaded but the rule selection leaves it out.</summary>
    public const string NotSelected = "not-selected";
}
