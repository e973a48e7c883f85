using System.CommandLine;
using Vigil.Cli.Rules;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil rules</c> and its <c>check</c> subcommand.</summary>
internal static class RulesCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the commands write.</param>
    /// <returns>The <c>rules</c> command.</returns>
    public static Command Create(CliConsole console)
    {
        var rules = new Command("rules", "Work with Sigma rules.");
        rules.SetAction(parseResult => CliApp.ShowHelpForMissingCommand(parseResult, console));
        rules.Subcommands.Add(CreateCheck(console));
        return rules;
    }

    private static Command CreateCheck(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Sigma rule files (.yml, .yaml) or folders to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Report format: a table, or one JSON document with an entry per rule and the totals.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var detection = new DetectionOptions();

        var check = new Command(
            "check",
            "Load rules, compile them and report each rule's state (loaded, failed, unknown-logsource) with the exact reason of each failure.")
        {
            paths,
            format,
        };
        detection.AddTo(check);
        check.SetAction(parseResult => CommandGuard.Run(console, () =>
        {
            var options = detection.Read(parseResult, parseResult.GetRequiredValue(paths), RuleSelection.All);
            var report = RuleCheckService.Check(options, note => console.Error.WriteLine("vigil: " + note));
            if (string.Equals(parseResult.GetValue(format), "json", StringComparison.Ordinal))
            {
                RuleCheckJsonWriter.Write(report, console.Output);
            }
            else
            {
                RuleCheckTableWriter.Write(report, console.CreateOutputConsole());
            }

            if (report.Entries.Count == 0)
            {
                console.Error.WriteLine("vigil: error: no Sigma rule found in " + string.Join(", ", options.RulePaths) + ".");
            }

            return report.ExitCode;
        }));
        return check;
    }
}
