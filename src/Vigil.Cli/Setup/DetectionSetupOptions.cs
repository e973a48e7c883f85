using Vigil.Detection.Engine;

namespace Vigil.Cli.Setup;

/// <summary>The options shared by the commands that load rules and build an engine.</summary>
internal sealed class DetectionSetupOptions
{
    /// <summary>Gets the rule files and folders.</summary>
    public required IReadOnlyList<string> RulePaths { get; init; }

    /// <summary>Gets the logsource mapping file, or null for the default.</summary>
    public string? LogsourcesPath { get; init; }

    /// <summary>Gets the ATT&amp;CK data folder, or null to look for the default (built-in catalog when absent).</summary>
    public string? AttackDirectory { get; init; }

    /// <summary>Gets the placeholders YAML file, or null.</summary>
    public string? PlaceholdersPath { get; init; }

    /// <summary>Gets whether rules with an unknown logsource are left out.</summary>
    public bool StrictLogsource { get; init; }

    /// <summary>Gets which rules run.</summary>
    public RuleSelection Selection { get; init; } = RuleSelection.All;
}
