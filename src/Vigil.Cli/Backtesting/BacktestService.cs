using System.Globalization;
using Vigil.Analytics.Backtesting;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Ingest.Enrichment;

namespace Vigil.Cli.Backtesting;

/// <summary>
/// Runs <c>vigil backtest</c>: a hunt with the rules and models whose hits and findings become alerts, the alerts under
/// the minimum severity left out, then the score against the ground truth, written as a table or JSON.
/// </summary>
internal static class BacktestService
{
    /// <summary>Runs the backtest.</summary>
    /// <param name="settings">What to do.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>An exit code: bit 1 when a target was missed, 2 input errors, 4 rule, model or context errors.</returns>
    public static int Run(BacktestSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        GroundTruth truth;
        try
        {
            truth = GroundTruth.Load(settings.TruthPath);
        }
        catch (GroundTruthException ex)
        {
            throw new CliFatalException(ex.Message, ex);
        }

        var scorer = new BacktestScorer(settings.Options);
        var context = settings.Hunt.ContextPath is null
            ? ContextSetup.WithoutContext(null, TextWriter.Null)
            : ContextSetup.Load(settings.Hunt.ContextPath, null, TextWriter.Null, _ => { });
        var collector = new BacktestAlertCollector(context.Normalizer, new ContextEnricher(context.Organization));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var huntCode = HuntService.Run(settings.Hunt, console, collector, cancellationToken);

        var alerts = collector.Alerts
            .Where(a => BacktestSeverities.TryParse(a.Severity, out var severity) && severity >= settings.MinSeverity)
            .ToList();
        var report = scorer.Score(truth, alerts);
        if (!settings.Quiet)
        {
            console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"vigil: {collector.Alerts.Count:N0} rule hits and model findings, {alerts.Count:N0} at {BacktestSeverities.Name(settings.MinSeverity)} or above scored "
                + $"({collector.WithoutTime:N0} hits without an event time left out); hunt and score took {started.Elapsed.TotalSeconds:0.0} s."));
        }

        using var file = HuntService.OpenOutput(settings.OutputPath);
        var output = file ?? console.Output;
        if (settings.Json)
        {
            BacktestJsonWriter.Write(report, output);
        }
        else
        {
            var table = file is null ? console.CreateOutputConsole() : CliConsole.CreateAnsiConsole(file, isTerminal: false);
            BacktestTableWriter.Write(report, table);
        }

        output.Flush();
        return (huntCode & (ExitCodes.InputErrors | ExitCodes.RuleErrors)) | (report.Passed ? ExitCodes.Ok : ExitCodes.TargetsMissed);
    }
}
