using System.Text;
using Spectre.Console;
using Vigil.Analytics.Behaviour;
using Vigil.Cli.Rules;
using Vigil.Cli.Setup;
using Vigil.Detection.Attack;
using Vigil.Detection.Engine;
using Vigil.Detection.Hunting;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Hunting;

/// <summary>Runs <c>vigil hunt</c>: loads rules, streams the inputs through the engine, writes hits and the summary.</summary>
internal static class HuntService
{
    /// <summary>The most rule problems printed one by one.</summary>
    public const int RuleProblemPrintLimit = 20;

    /// <summary>Runs the hunt.</summary>
    /// <param name="settings">What to do.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Stops the hunt.</param>
    /// <returns>An exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(HuntSettings settings, CliConsole console, CancellationToken cancellationToken)
        => Run(settings, console, null, cancellationToken);

    /// <summary>Runs the hunt, sending hits and findings to <paramref name="sink"/> instead of the output format (backtests).</summary>
    /// <param name="settings">What to do.</param>
    /// <param name="console">Where to write notes and errors.</param>
    /// <param name="sink">Receives hits and findings; null to write them in <see cref="HuntSettings.Format"/>.</param>
    /// <param name="cancellationToken">Stops the hunt.</param>
    /// <returns>An exit code (see <see cref="ExitCodes"/>).</returns>
    internal static int Run(HuntSettings settings, CliConsole console, IHitWriter? sink, CancellationToken cancellationToken)
    {
        void Note(string message)
        {
            if (!settings.Quiet)
            {
                console.Error.WriteLine("vigil: " + message);
            }
        }

        if (settings.ModelStatePath is not null && settings.ModelsPath is null)
        {
            throw new CliUsageException("--model-state needs --models: there is no model to save or restore.");
        }

        var setup = DetectionSetup.Build(settings.Detection, Note);
        var ruleErrors = ReportRuleProblems(setup, console.Error);
        if (setup.Engine.ActiveRuleCount == 0)
        {
            console.Error.WriteLine("vigil: error: no rule to run (none loaded, or the level/status/tag selection left all out).");
            return ExitCodes.Fatal;
        }

        Note(DescribeRules(setup, settings.Detection.StrictLogsource));
        var context = settings.ContextPath is null
            ? settings.ModelsPath is null ? null : ContextSetup.WithoutContext(null, console.Error)
            : ContextSetup.Load(settings.ContextPath, null, console.Error, Note);
        var modelErrors = 0;
        var analysis = settings.ModelsPath is null
            ? null
            : ModelSetup.Load(settings.ModelsPath, settings.ContextPath, context?.Organization, console.Error, Note, out modelErrors);
        if (analysis is not null && settings.ModelStatePath is not null)
        {
            modelErrors += ModelSetup.LoadState(analysis, settings.ModelStatePath, console.Error, Note);
        }
        var errors = new ReadErrorReporter(line => console.Error.WriteLine("vigil: " + line));
        var inputs = HuntInputs.Expand(settings.Inputs, errors);

        using var file = OpenOutput(settings.OutputPath);
        var output = file ?? console.Output;
        var tableConsole = file is null ? console.CreateOutputConsole() : CliConsole.CreateAnsiConsole(file, isTerminal: false);
        var writer = sink ?? HitWriters.Create(settings.Format, output, tableConsole);
        var storing = settings.StorePath is null ? null : new StoringHitWriter(writer, OpenStore(settings.StorePath), EntitiesFor(context, console.Error));
        using var summary = new HitSummary(storing ?? writer);
        var indicatorRules = new IndicatorRules(setup.Attack);
        var runner = new HuntRunner(setup.Engine, new HuntOptions
        {
            DegreeOfParallelism = settings.Threads,
            InspectorFactory = context is null ? null : () => new ContextInspector(context.Normalizer, context.Enricher, indicatorRules, analysis?.Collector),
        });
        HuntStatistics statistics;
        try
        {
            statistics = ShowsProgress(settings, console)
                ? RunWithProgress(runner, inputs, settings.InputFormat, summary, errors, console.CreateErrorConsole(), cancellationToken)
                : runner.Run(inputs.OpenSources(settings.InputFormat), summary, errors, null, cancellationToken);
            if (analysis is not null)
            {
                var modelTime = System.Diagnostics.Stopwatch.StartNew();
                var observations = analysis.Collector.Count;
                RunModels(analysis, setup.Attack, summary, cancellationToken);
                Note(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"models: {observations:N0} observations scored in {modelTime.Elapsed.TotalSeconds:0.00} s; {analysis.Engine.Findings.Count:N0} findings "
                    + $"({analysis.Engine.BelowThreshold:N0} candidates under their threshold, {analysis.Engine.Lowered:N0} lowered by maintenance windows or approved access, "
                    + $"{analysis.Engine.HeldBack:N0} held back by cooldowns); {analysis.Engine.Models.Sum(m => m.TrackedEntities):N0} entities tracked."));
                foreach (var problem in analysis.Engine.Models.Select(m => m.Problem).OfType<string>())
                {
                    console.Error.WriteLine("vigil: model warning: " + problem);
                }
                if (settings.ModelStatePath is not null)
                {
                    ModelSetup.SaveState(analysis, settings.ModelStatePath, Note);
                }
            }
        }
        finally
        {
            summary.Complete();
            output.Flush();
        }

        errors.Finish();
        if (storing is not null)
        {
            Note(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"store {settings.StorePath}: {storing.Stored:N0} alerts stored, {storing.AlreadyStored:N0} already there"));
        }

        if (!settings.Quiet)
        {
            var summaryConsole = settings.Format == HitOutputFormat.Table && file is null ? tableConsole : console.CreateErrorConsole();
            HitSummaryWriter.Write(summaryConsole, summary, statistics, errors.Count);
            if (context is not null && settings.ContextPath is not null)
            {
                ContextSetup.WriteResolution(context.Enricher.Stats, console.Error);
            }
        }

        var code = ExitCodes.Ok;
        code |= summary.Hits + summary.Findings > 0 ? ExitCodes.Hits : 0;
        code |= errors.Count > 0 ? ExitCodes.InputErrors : 0;
        code |= ruleErrors > 0 || context?.Errors > 0 || modelErrors > 0 ? ExitCodes.RuleErrors : 0;
        return code;
    }

    /// <summary>Runs the behavioural models over the observations the workers kept, in time order, and writes their findings.</summary>
    private static void RunModels(BehaviourAnalysis analysis, AttackCatalog attack, HitSummary summary, CancellationToken cancellationToken)
    {
        var mappings = new Dictionary<string, AttackMapping>(StringComparer.Ordinal);
        foreach (var finding in analysis.Run(cancellationToken))
        {
            if (!mappings.TryGetValue(finding.Model, out var mapping))
            {
                mappings[finding.Model] = mapping = attack.Map(finding.Techniques.Select(t => "attack." + t.ToLowerInvariant()));
            }

            summary.OnFinding(finding, mapping);
        }
    }

    /// <summary>
    /// Progress goes to the standard error when it is a terminal, unless turned off, or unless streamed hits
    /// (jsonl, csv) go to the same terminal.
    /// </summary>
    private static bool ShowsProgress(HuntSettings settings, CliConsole console)
        => console.ErrorIsTerminal && !settings.NoProgress && !settings.Quiet
        && !(settings.Format != HitOutputFormat.Table && settings.OutputPath is null && console.OutputIsTerminal);

    private static HuntStatistics RunWithProgress(
        HuntRunner runner, HuntInputs inputs, Vigil.Ingest.Sources.EventFileFormat format, HitSummary sink, ReadErrorReporter errors, IAnsiConsole errorConsole, CancellationToken cancellationToken)
        => errorConsole.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", maxValue: Math.Max(1, inputs.TotalBytes));
                var previous = errors.Redirect(line => errorConsole.WriteLine("vigil: " + line));
                try
                {
                    var statistics = runner.Run(inputs.OpenSources(format), sink, errors, new HuntProgressReporter(task), cancellationToken);
                    task.Value = task.MaxValue;
                    return statistics;
                }
                finally
                {
                    errors.Redirect(previous);
                }
            });

    /// <summary>What finds the entities of stored rule hits: the hunt's normalization and context (its own enricher, so nothing is counted twice).</summary>
    private static HitEntities EntitiesFor(ContextSetup? context, TextWriter error)
    {
        var setup = context ?? ContextSetup.WithoutContext(null, error);
        return new HitEntities(setup.Normalizer, new Vigil.Ingest.Enrichment.ContextEnricher(setup.Organization));
    }

    /// <summary>Opens the alert store; one that cannot be opened is fatal (alerts would be lost).</summary>
    private static Vigil.Storage.Embedded.EmbeddedAlertStore OpenStore(string path)
    {
        try
        {
            return Vigil.Storage.Embedded.EmbeddedAlertStore.Open(path);
        }
        catch (Vigil.Storage.Embedded.EmbeddedStoreException ex)
        {
            throw new CliFatalException(ex.Message, ex);
        }
    }

    /// <summary>Opens the output file, or returns null for the standard output; a file that cannot be written is fatal.</summary>
    internal static StreamWriter? OpenOutput(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliFatalException($"{path}: cannot write the output file: {ex.Message}", ex);
        }
    }

    /// <summary>Prints rule load and compile failures (the first few, then a count) and returns how many there were.</summary>
    private static int ReportRuleProblems(DetectionSetupResult setup, TextWriter error)
    {
        var problems = setup.Report.Failures.Select(f => f.Diagnostic)
            .Concat(setup.Engine.Rules.Where(r => r.State == RuleState.Failed).Select(FailureOf))
            .ToList();
        foreach (var diagnostic in problems.Take(RuleProblemPrintLimit))
        {
            error.WriteLine("vigil: rule error: " + RuleCheckTableWriter.Describe(diagnostic));
        }

        if (problems.Count > RuleProblemPrintLimit)
        {
            error.WriteLine($"vigil: rule error: {problems.Count - RuleProblemPrintLimit} more rule errors not shown; run 'vigil rules check'.");
        }

        return problems.Count;
    }

    private static RuleDiagnostic FailureOf(RuleStatus status)
        => status.Diagnostics.Count > 0
            ? status.Diagnostics[0]
            : new RuleDiagnostic(status.Rule.File, status.Rule.Line, 0, "rule", "the rule could not be compiled");

    private static string DescribeRules(DetectionSetupResult setup, bool strictLogsource)
    {
        var rules = setup.Engine.Rules;
        var unknown = rules.Count(r => !r.LogsourceKnown && r.Rule.Kind == SigmaRuleKind.Detection && r.State != RuleState.Failed);
        var failed = setup.Report.Failures.Count + rules.Count(r => r.State == RuleState.Failed);
        var notSelected = rules.Count(r => r.State == RuleState.NotSelected);
        var text = $"{setup.Engine.ActiveRuleCount} rules active ({rules.Count + setup.Report.Failures.Count} in {setup.Report.FileCount} files; "
            + $"{failed} failed, {notSelected} not selected)";
        if (unknown > 0)
        {
            text += strictLogsource
                ? $"; {unknown} with an unknown logsource are skipped (--strict-logsource)"
                : $"; {unknown} with an unknown logsource run on every event";
        }

        return text + ".";
    }
}
