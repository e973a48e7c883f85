using System.CommandLine;
using Vigil.Analytics.Backtesting;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Cli.Backtesting;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil backtest</c>.</summary>
internal static class BacktestCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Labelled event files or folders (for example the logs folder of vigil simulate).",
            Arity = ArgumentArity.OneOrMore,
        };
        var truth = new Option<string>("--truth")
        {
            Description = "The ground-truth file (truth.json of vigil simulate; schema in docs/backtest.md).",
            HelpName = "FILE",
            Required = true,
        };
        var rules = new Option<string[]>("--rules", "-r")
        {
            Description = "Sigma rule files or folders.",
            HelpName = "PATHS",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var models = new Option<string?>("--models")
        {
            Description = "Behavioural model settings folder (default: the models folder beside the executable or in the repository).",
            HelpName = "DIR",
        };
        var noModels = new Option<bool>("--no-models") { Description = "Score the rules alone." };
        var context = new Option<string?>("--context")
        {
            Description = "Organisation context folder (default: the 'context' folder beside the truth file, when there is one).",
            HelpName = "DIR",
        };
        var format = new Option<string>("--format")
        {
            Description = "Report format: a table or one JSON object (schema in docs/backtest.md).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE.", HelpName = "FILE" };
        var minSeverity = new Option<string>("--min-severity")
        {
            Description = "The lowest rule level or finding severity counted as an alert; lower ones are context for an analyst, not alerts.",
            DefaultValueFactory = _ => "medium",
        };
        minSeverity.AcceptOnlyFromAmong("informational", "low", "medium", "high", "critical");
        var dedup = new Option<string?>("--dedup-window")
        {
            Description = "Alerts of one detector about the same entities within this time count once (default 1h).",
            HelpName = "DURATION",
        };
        var slack = new Option<string?>("--match-slack")
        {
            Description = "How long after a scenario's last event an alert still counts for it (default 1h).",
            HelpName = "DURATION",
        };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: the number of processors).", HelpName = "N" };
        var inputFormat = InputFormatOption.Create("--input-format");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the report and errors." };
        var detection = new DetectionOptions();
        var command = new Command("backtest", "Run rules and behavioural models over labelled events and score them against the ground truth: "
            + "precision, recall and F1 per scenario and technique, false alerts per day, benign traps, time to detect.")
        {
            paths,
            truth,
            rules,
            models,
            noModels,
            context,
            format,
            output,
            minSeverity,
            dedup,
            slack,
            inputFormat,
            threads,
            quiet,
        };
        detection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var truthPath = parseResult.GetRequiredValue(truth);
            var contextPath = parseResult.GetValue(context)
                ?? (Path.GetDirectoryName(Path.GetFullPath(truthPath)) is { } folder && Directory.Exists(Path.Combine(folder, "context"))
                    ? Path.Combine(folder, "context")
                    : null);
            var modelsPath = parseResult.GetValue(noModels)
                ? null
                : parseResult.GetValue(models) ?? ModelSetup.FindDefaultDirectory()
                    ?? throw new CliUsageException("no models folder beside the executable or in the repository: give --models DIR or --no-models");
            if (!BacktestSeverities.TryParse(parseResult.GetValue(minSeverity), out var severity))
            {
                throw new CliUsageException("--min-severity must be informational, low, medium, high or critical");
            }

            var settings = new BacktestSettings
            {
                Hunt = new HuntSettings
                {
                    Inputs = parseResult.GetRequiredValue(paths),
                    InputFormat = InputFormatOption.Read(parseResult, inputFormat),
                    ContextPath = contextPath,
                    ModelsPath = modelsPath,
                    Detection = detection.Read(parseResult, parseResult.GetRequiredValue(rules), new RuleSelection()),
                    Threads = parseResult.GetValue(threads) ?? Environment.ProcessorCount,
                    NoProgress = true,
                    Quiet = true,
                },
                TruthPath = truthPath,
                MinSeverity = severity,
                Options = new BacktestOptions
                {
                    DedupWindow = Duration(parseResult.GetValue(dedup), "--dedup-window", TimeSpan.FromHours(1)),
                    MatchSlack = Duration(parseResult.GetValue(slack), "--match-slack", TimeSpan.FromHours(1)),
                },
                Json = parseResult.GetValue(format) == "json",
                OutputPath = parseResult.GetValue(output),
                Quiet = parseResult.GetValue(quiet),
            };
            return BacktestService.Run(settings, console, cancellationToken);
        }), CancellationToken.None));
        return command;
    }

    private static TimeSpan Duration(string? text, string option, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return YamlFile.TryDuration(text, out var duration)
            ? duration
            : throw new CliUsageException($"{option} must be a duration such as 30m, 1h or 1d (got '{text}')");
    }
}
