using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Vigil.Cli.Commands;

namespace Vigil.Cli;

/// <summary>The <c>vigil</c> command line: builds the command tree and runs it against a given output and error.</summary>
internal static class CliApp
{
    /// <summary>The width help text wraps at (fixed, so that help output is the same everywhere).</summary>
    public const int HelpWidth = 110;

    /// <summary>Runs <c>vigil</c> in-process with the given writers (neither is a terminal); for tests.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">The standard output.</param>
    /// <param name="stderr">The standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => Run(args, new CliConsole(stdout, stderr), handleTermination: false);

    /// <summary>Runs <c>vigil</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">The output and error.</param>
    /// <param name="handleTermination">Whether Ctrl+C and SIGTERM cancel the command (the real process).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, CliConsole console, bool handleTermination)
    {
        var parseResult = CreateRootCommand(console).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine("vigil: error: " + error.Message);
            }

            console.Error.WriteLine($"Run '{CommandPath(parseResult.CommandResult.Command, parseResult)} --help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (!handleTermination)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return parseResult.Invoke(configuration);
    }

    /// <summary>Creates the root command.</summary>
    /// <param name="console">Where commands write.</param>
    /// <returns>The root command.</returns>
    public static Command CreateRootCommand(CliConsole console)
    {
        var root = new Command("vigil", "Vigil: hunt through event files with Sigma rules and behavioural models, check rules and workspaces, simulate an organisation and backtest.")
        {
            new HelpOption { Recursive = true, Action = new HelpAction { MaxWidth = HelpWidth } },
            new VersionOption(),
        };
        root.SetAction(parseResult => ShowHelpForMissingCommand(parseResult, console));
        root.Subcommands.Add(HuntCommand.Create(console));
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(NormalizeCommand.Create(console));
        root.Subcommands.Add(SimulateCommand.Create(console));
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(WorkspaceCommands.CreateInit(console));
        root.Subcommands.Add(WorkspaceCommands.CreateValidate(console));
        root.Subcommands.Add(AlertsCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(ServeCommand.CreateKeys(console));
        root.Subcommands.Add(PolicyCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        return root;
    }

    /// <summary>Shows the help of a command that needs a subcommand and returns <see cref="ExitCodes.UsageError"/>.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="console">Where help goes.</param>
    /// <returns><see cref="ExitCodes.UsageError"/>.</returns>
    public static int ShowHelpForMissingCommand(ParseResult parseResult, CliConsole console)
    {
        new HelpAction { MaxWidth = HelpWidth }.Invoke(parseResult);
        console.Error.WriteLine($"vigil: error: '{CommandPath(parseResult.CommandResult.Command, parseResult)}' needs a command.");
        return ExitCodes.UsageError;
    }

    private static string CommandPath(Command command, ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return names.Count > 0 ? string.Join(' ', names) : command.Name;
    }
}
