using System.CommandLine;
using Vigil.Cli.Normalizing;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil normalize</c>.</summary>
internal static class NormalizeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Event files or folders to normalize.",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to")
        {
            Description = "Output: OCSF objects (source fields under 'unmapped'), ECS-style objects, or Vigil JSON lines (source fields and OCSF view).",
            DefaultValueFactory = _ => "jsonl",
        };
        to.AcceptOnlyFromAmong("ocsf", "ecs", "jsonl");
        var format = InputFormatOption.Create("--format", "--input-format");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write events to FILE instead of the standard output.",
            HelpName = "FILE",
        };
        var maps = new Option<string?>("--maps")
        {
            Description = "Folder of normalization maps (default: maps/normalize beside the executable or in the repository).",
            HelpName = "DIR",
        };
        var context = new Option<string?>("--context")
        {
            Description = "Organisation context folder (assets, identities, indicators): adds what it knows of each user and host "
                + "under <entity>.context.*, indicator matches under context.indicators, and reports what does not resolve.",
            HelpName = "DIR",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only events and errors: no summary." };
        var command = new Command("normalize", "Write events with their normalized (OCSF-shaped) view, as OCSF, ECS or JSON lines.")
        {
            paths,
            to,
            format,
            output,
            maps,
            context,
            quiet,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var settings = new NormalizeSettings
            {
                Inputs = parseResult.GetRequiredValue(paths),
                Output = parseResult.GetValue(to) switch
                {
                    "ocsf" => NormalizeOutput.Ocsf,
                    "ecs" => NormalizeOutput.Ecs,
                    _ => NormalizeOutput.Jsonl,
                },
                InputFormat = InputFormatOption.Read(parseResult, format),
                OutputPath = parseResult.GetValue(output),
                MapsPath = parseResult.GetValue(maps),
                ContextPath = parseResult.GetValue(context),
                Quiet = parseResult.GetValue(quiet),
            };
            return NormalizeService.Run(settings, console, cancellationToken);
        }), CancellationToken.None));
        return command;
    }
}
