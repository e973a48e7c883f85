using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Workspaces;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil init</c> and <c>vigil validate</c>.</summary>
internal static class WorkspaceCommands
{
    /// <summary>Creates <c>vigil init DIR</c>.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command CreateInit(CliConsole console)
    {
        var directory = new Argument<string>("dir") { Description = "The workspace folder to create (new or empty)." };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty, overwriting the workspace files." };
        var command = new Command("init", "Write a working workspace: the starter rules, the model settings and an example context to edit.")
        {
            directory,
            force,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var path = parseResult.GetRequiredValue(directory);
            var written = WorkspaceInitializer.Write(path, parseResult.GetValue(force));
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote a workspace to {path} ({written.Count} files):"));
            foreach (var folder in written.Select(f => f.Contains('/', StringComparison.Ordinal) ? f[..f.IndexOf('/', StringComparison.Ordinal)] + "/" : f).Distinct(StringComparer.Ordinal))
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {folder,-12} {written.Count(f => f.StartsWith(folder, StringComparison.Ordinal))} files"));
            }

            console.Output.WriteLine($"Check it with 'vigil validate {path}'; hunt with 'vigil hunt <logs> --workspace {path}'.");
            return ExitCodes.Ok;
        }), CancellationToken.None));
        return command;
    }

    /// <summary>Creates <c>vigil validate DIR</c>.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command CreateValidate(CliConsole console)
    {
        var directory = new Argument<string>("dir") { Description = "The workspace folder." };
        var command = new Command("validate", "Check a whole workspace (rules, model settings, context files) and report every problem with file and line.")
        {
            directory,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var report = WorkspaceValidator.Validate(parseResult.GetRequiredValue(directory));
            foreach (var problem in report.Problems)
            {
                console.Output.WriteLine("error: " + problem);
            }

            foreach (var line in report.Summary)
            {
                console.Output.WriteLine(line);
            }

            console.Output.WriteLine(report.Problems.Count == 0 ? "The workspace is valid." : string.Create(CultureInfo.InvariantCulture, $"{report.Problems.Count} problems."));
            return report.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.RuleErrors;
        }), CancellationToken.None));
        return command;
    }
}
