using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Server.Hosting;
using Vigil.Server.Security;

namespace Vigil.Cli.Serving;

/// <summary>Runs <c>vigil serve</c>: builds the detection pipeline from the workspace, opens the store, serves until stopped.</summary>
internal static class ServeService
{
    /// <summary>The database file inside a workspace.</summary>
    public const string DatabaseRelativePath = ".vigil/vigil.db";

    /// <summary>The behavioural model state file, beside the database.</summary>
    public const string ModelStateFileName = "model-state.json";

    /// <summary>Builds the pipeline a workspace describes, reporting its problems.</summary>
    /// <param name="workspace">The folders.</param>
    /// <param name="detection">Detection settings.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="note">Where notes go.</param>
    /// <param name="modelStatePath">Where the behavioural models' learning is kept across restarts, or null to keep it in memory only.</param>
    /// <returns>The pipeline.</returns>
    public static ServePipeline BuildPipeline(Workspace workspace, DetectionSetupOptions detection, TextWriter error, Action<string> note, string? modelStatePath = null)
    {
        var setup = DetectionSetup.Build(detection, note);
        foreach (var failure in setup.Report.Failures.Take(HuntService.RuleProblemPrintLimit))
        {
            error.WriteLine("vigil: rule error: " + Rules.RuleCheckTableWriter.Describe(failure.Diagnostic));
        }

        if (setup.Engine.ActiveRuleCount == 0)
        {
            throw new CliFatalException("no rule to run (none loaded from the workspace's rules).");
        }

        var context = workspace.Context is null ? ContextSetup.WithoutContext(null, error) : ContextSetup.Load(workspace.Context, null, error, note);
        var analysis = workspace.Models is null ? null : ModelSetup.Load(workspace.Models, workspace.Context, context.Organization, error, note, out _);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{setup.Engine.ActiveRuleCount} rules, {analysis?.Engine.Models.Count ?? 0} behavioural models, context {(workspace.Context is null ? "none" : workspace.Context)}");
        ModelStateStore? state = null;
        if (analysis is not null && modelStatePath is not null)
        {
            state = new ModelStateStore(modelStatePath, note);
            state.Load(analysis, error);
        }

        return new ServePipeline(setup, context, analysis, description, state);
    }

    /// <summary>Serves until cancelled.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>The exit code.</returns>
    public static int Run(ServeSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        void Note(string message) => console.Error.WriteLine("vigil: " + message);
        var pipeline = BuildPipeline(settings.Workspace, settings.Detection, console.Error, Note,
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Server.DatabasePath))!, ModelStateFileName));
        var database = settings.Server.DatabasePath;
        string? adminKey = null;
        try
        {
            if (!VigilServer.HasKeys(database))
            {
                adminKey = VigilServer.CreateKey(database, "first-admin", Roles.Admin, "vigil serve (first start)").Secret;
            }
        }
        catch (Vigil.Storage.Embedded.EmbeddedStoreException ex)
        {
            pipeline.Dispose();
            throw new CliFatalException(ex.Message, ex);
        }

        var response = settings.WorkspacePath is null
            ? null
            : ResponseSetup.Build(settings.WorkspacePath, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, "audit.db"),
                settings.ActionWebhook, settings.EscalationWebhook, console.Error, Note);
        var app = VigilServer.Build(settings.Server, pipeline, Logging, null, response?.Engine);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new CliFatalException($"cannot listen on {string.Join(", ", settings.Server.Urls)}: {ex.Message}", ex);
        }

        var addresses = VigilServer.Addresses(app);
        console.Output.WriteLine($"Vigil is serving on {string.Join(", ", addresses)} (store {database}).");
        console.Output.WriteLine($"Detection: {pipeline.Description}.");
        if (adminKey is not null)
        {
            console.Output.WriteLine($"First start: an admin API key was created. It is shown this once; keep it safe:\n  {adminKey}");
        }

        console.Output.WriteLine("Send events: POST /api/v1/events (NDJSON) or /services/collector/event (Splunk HEC). API document: /openapi/v1.json. Ctrl+C stops.");
        console.Output.Flush();
        try
        {
            Task.Delay(Timeout.Infinite, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Note("stopping: finishing the journal and the current detection step.");
        }

        Stop(app);
        response?.Audit.Dispose();
        return ExitCodes.Ok;
    }

    /// <summary>Terse console logging: Vigil's own information, others' warnings, one line each.</summary>
    /// <param name="logging">The logging builder.</param>
    public static void Logging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
        logging.SetMinimumLevel(LogLevel.Information);
    }

    /// <summary>Stops the web application (used by the demo).</summary>
    /// <param name="app">The application.</param>
    public static void Stop(WebApplication app)
    {
        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
