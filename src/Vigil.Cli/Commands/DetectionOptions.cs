using System.CommandLine;
using Vigil.Cli.Setup;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Commands;

/// <summary>The options every command that loads rules takes: mapping, ATT&amp;CK data, strictness, placeholders.</summary>
internal sealed class DetectionOptions
{
    public Option<string?> Logsources { get; } = new("--logsources")
    {
        Description = "Logsource mapping file (default: maps/logsources.yaml beside the executable or in the repository).",
        HelpName = "FILE",
    };

    public Option<string?> Attack { get; } = new("--attack")
    {
        Description = "ATT&CK data folder holding tactics.tsv and techniques.tsv (default: found automatically, else built in).",
        HelpName = "DIR",
    };

    public Option<bool> StrictLogsource { get; } = new("--strict-logsource")
    {
        Description = "Do not run rules whose logsource the mapping does not know (default: they run on every event).",
    };

    public Option<string?> Placeholders { get; } = new("--placeholders")
    {
        Description = "YAML map of placeholder name to a list of values, for the Sigma 'expand' modifier.",
        HelpName = "FILE",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Logsources);
        command.Options.Add(Attack);
        command.Options.Add(StrictLogsource);
        command.Options.Add(Placeholders);
    }

    /// <summary>Reads the options.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="rulePaths">The rule files and folders.</param>
    /// <param name="selection">Which rules run.</param>
    /// <returns>The setup options.</returns>
    public DetectionSetupOptions Read(ParseResult parseResult, IReadOnlyList<string> rulePaths, RuleSelection selection) => new()
    {
        RulePaths = rulePaths,
        LogsourcesPath = parseResult.GetValue(Logsources),
        AttackDirectory = parseResult.GetValue(Attack),
        StrictLogsource = parseResult.GetValue(StrictLogsource),
        PlaceholdersPath = parseResult.GetValue(Placeholders),
        Selection = selection,
    };
}
