using System.CommandLine;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil hunt</c>.</summary>
internal static class HuntCommand
{
    private static readonly string[] Levels = ["informational", "low", "medium", "high", "critical"];
    private static readonly string[] Statuses = ["stable", "test", "experimental", "deprecated", "unsupported"];

    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Event files or folders to hunt through.",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = new Option<string[]>("--rules", "-r")
        {
            Description = "Sigma rule files or folders (several may follow one --rules, or repeat it). Required unless --workspace is given.",
            HelpName = "PATHS",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Hit format: a table, JSON lines (one object per hit), CSV (RFC 4180), OCSF Detection Findings or TheHive 5 alerts (both JSON lines).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv", "ocsf", "thehive");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write hits to FILE instead of the standard output.",
            HelpName = "FILE",
        };
        var level = new Option<string?>("--level")
        {
            Description = "Run only rules of this level or higher.",
            HelpName = "LEVEL",
        };
        level.AcceptOnlyFromAmong(Levels);
        var status = new Option<string[]>("--status")
        {
            Description = "Run only rules with this status (repeatable).",
            HelpName = "STATUS",
        };
        status.AcceptOnlyFromAmong(Statuses);
        var tag = new Option<string[]>("--tag")
        {
            Description = "Run only rules with this tag or a tag under it, e.g. attack.t1059 (repeatable).",
            HelpName = "TAG",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "Worker threads (default: the number of processors).",
            HelpName = "N",
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() < 1)
            {
                result.AddError("--threads must be at least 1.");
            }
        });
        var inputFormat = InputFormatOption.Create("--input-format");
        var context = new Option<string?>("--context")
        {
            Description = "Organisation context folder (assets, identities, indicators): resolves users and hosts, reports what "
                + "does not resolve, and reports threat-indicator matches as hits.",
            HelpName = "DIR",
        };
        var models = new Option<string?>("--models")
        {
            Description = "Folder of behavioural model settings (the repository's and workspace's models/): runs the models beside the rules "
                + "and reports their findings after the hits. Use with --context so that users, hosts, peer groups, maintenance windows and "
                + "approved access shape them.",
            HelpName = "DIR",
        };
        var modelState = new Option<string?>("--model-state")
        {
            Description = "Model state file: what the models learnt is loaded from it when it exists and saved to it after the hunt, "
                + "so the next hunt goes on from that baseline.",
            HelpName = "FILE",
        };
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "A Vigil workspace folder: its rules/, models/ and context/ folders are used unless --rules, --models or --context "
                + "name others.",
            HelpName = "DIR",
        };
        var store = new Option<string?>("--store")
        {
            Description = "Keep every hit and finding as an alert in this SQLite file (created when missing; the same alert is never stored "
                + "twice). Query it with 'vigil alerts'.",
            HelpName = "FILE",
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not show the progress bar." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only hits and errors: no notes, progress or summary." };
        var detection = new DetectionOptions();

        var hunt = new Command("hunt", "Run Sigma rules (and, with --models or --workspace, behavioural models) over event files and report every hit and finding.")
        {
            paths,
            rules,
            format,
            output,
            level,
            status,
            tag,
        };
        hunt.Options.Add(inputFormat);
        hunt.Options.Add(context);
        hunt.Options.Add(workspace);
        hunt.Options.Add(models);
        hunt.Options.Add(modelState);
        hunt.Options.Add(store);
        detection.AddTo(hunt);
        hunt.Options.Add(threads);
        hunt.Options.Add(noProgress);
        hunt.Options.Add(quiet);

        // The hunt runs on a pool thread: System.CommandLine hooks Ctrl+C/SIGTERM to the token only once the action's
        // task is returned, so a synchronous action could not be cancelled.
        hunt.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var selection = new RuleSelection
            {
                MinimumLevel = parseResult.GetValue(level),
                Statuses = new HashSet<string>(parseResult.GetValue(status) ?? [], StringComparer.OrdinalIgnoreCase),
                Tags = new HashSet<string>(parseResult.GetValue(tag) ?? [], StringComparer.OrdinalIgnoreCase),
            };
            var folders = Workspace.Resolve(
                parseResult.GetValue(workspace), parseResult.GetValue(rules), parseResult.GetValue(models), parseResult.GetValue(context));
            var settings = new HuntSettings
            {
                Inputs = parseResult.GetRequiredValue(paths),
                InputFormat = InputFormatOption.Read(parseResult, inputFormat),
                ContextPath = folders.Context,
                ModelsPath = folders.Models,
                ModelStatePath = parseResult.GetValue(modelState),
                StorePath = parseResult.GetValue(store),
                Detection = detection.Read(parseResult, folders.Rules, selection),
                Format = parseResult.GetValue(format) switch
                {
                    "jsonl" => HitOutputFormat.Jsonl,
                    "csv" => HitOutputFormat.Csv,
                    "ocsf" => HitOutputFormat.Ocsf,
                    "thehive" => HitOutputFormat.TheHive,
                    _ => HitOutputFormat.Table,
                },
                OutputPath = parseResult.GetValue(output),
                Threads = parseResult.GetValue(threads) ?? Environment.ProcessorCount,
                NoProgress = parseResult.GetValue(noProgress),
                Quiet = parseResult.GetValue(quiet),
            };
            return HuntService.Run(settings, console, cancellationToken);
        }), CancellationToken.None));
        return hunt;
    }
}
