using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Vigil.Cli.Serving;
using Vigil.Cli.Setup;
using Vigil.Cli.Workspaces;
using Vigil.Server.Endpoints;
using Vigil.Server.Hosting;
using Vigil.Server.Security;
using Vigil.Server.Storage;
using Vigil.Simulation;

namespace Vigil.Cli.Demo;

/// <summary>
/// Runs <c>vigil demo</c>: a workspace, a simulated week of an organisation with attacks, the service on it, the week sent
/// through the real ingest API, and a summary of what was found with where to look next.
/// </summary>
internal static partial class DemoService
{
    /// <summary>Runs the demo.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Stops the demo (and the server).</param>
    /// <returns>The exit code.</returns>
    public static int Run(DemoSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var output = console.Output;
        var clock = Stopwatch.StartNew();
        var workspace = settings.Directory;
        WorkspaceInitializer.Write(workspace, force: false);
        var simulation = Path.Combine(workspace, "simulation");
        var result = Simulator.Run(new SimulationOptions { Days = settings.Days, Users = settings.Users, Seed = settings.Seed, OutputDirectory = simulation }, cancellationToken);
        foreach (var file in SimulationConstants.ContextFiles)
        {
            File.Copy(Path.Combine(simulation, file), Path.Combine(workspace, file), overwrite: true);
        }

        var learning = SimulationConstants.LearningDays(settings.Days);
        ShortenLearning(Path.Combine(workspace, "models"), learning);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Workspace {workspace}: starter rules, models (learning period shortened to {learning} days for a {settings.Days}-day demo), and the context of a simulated organisation."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulated {result.People} people and {result.Hosts} hosts for {settings.Days} days (seed {settings.Seed}): {result.TotalEvents:N0} events with {result.Scenarios.Count(s => s.Kind == Vigil.Simulation.Scenarios.ScenarioKind.Attack)} attacks and {result.Scenarios.Count(s => s.Kind != Vigil.Simulation.Scenarios.ScenarioKind.Attack)} benign look-alikes."));

        var folders = Workspace.Resolve(workspace, null, null, null);
        var pipeline = ServeService.BuildPipeline(folders, new DetectionSetupOptions { RulePaths = folders.Rules }, console.Error, _ => { });
        var database = Path.Combine(workspace, ServeService.DatabaseRelativePath);
        var admin = VigilServer.CreateKey(database, "demo-admin", Roles.Admin, "vigil demo").Secret;
        var analyst = VigilServer.CreateKey(database, "demo-analyst", Roles.Analyst, "vigil demo").Secret;
        var ingest = VigilServer.CreateKey(database, "demo-ingest", Roles.Ingest, "vigil demo").Secret;
        var options = new ServerOptions { DatabasePath = database, Urls = [settings.Listen], ModelTickInterval = TimeSpan.FromSeconds(5) };
        var response = ResponseSetup.Build(workspace, Path.Combine(workspace, ".vigil", "audit.db"), null, null, console.Error, _ => { });
        var app = VigilServer.Build(options, pipeline, logging => ServeService.Logging(logging), null, response?.Engine);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new CliFatalException($"cannot listen on {settings.Listen}: {ex.Message} (choose another with --listen)", ex);
        }

        var address = VigilServer.Addresses(app)[0];
        output.WriteLine($"Vigil is serving on {address}; sending the week through its ingest API, an hour of activity at a time...");
        output.Flush();
        try
        {
            Feed(simulation, address, ingest, analyst, clock, output, cancellationToken).GetAwaiter().GetResult();
            Summarise(address, analyst, output, cancellationToken).GetAwaiter().GetResult();
            output.WriteLine();
            output.WriteLine($"Look around: {address}/api/v1/incidents, /api/v1/alerts, /api/v1/entities, /metrics, /openapi/v1.json");
            output.WriteLine($"  analyst key: {analyst}");
            output.WriteLine($"  admin key:   {admin}");
            output.WriteLine($"  curl -H 'Authorization: Bearer {analyst}' {address}/api/v1/incidents");
            output.WriteLine($"Store: {database}. Keys are demo keys of this workspace only.");
            if (settings.Exit)
            {
                return ExitCodes.Ok;
            }

            output.WriteLine("The service keeps running; Ctrl+C stops it.");
            output.Flush();
            Task.Delay(Timeout.Infinite, cancellationToken).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        finally
        {
            ServeService.Stop(app);
            response?.Audit.Dispose();
        }
    }

    private static async Task Feed(string simulation, string address, string ingestKey, string analystKey, Stopwatch clock, TextWriter output, CancellationToken cancellationToken)
    {
        using var ingest = Client(address, ingestKey);
        using var reader = Client(address, analystKey);
        var firstAlertShown = false;
        var hours = 0;
        var (events, batches) = await DemoFeeder.FeedAsync(Path.Combine(simulation, "logs"), ingest, async hour =>
        {
            if (firstAlertShown || ++hours % 6 != 0)
            {
                return;
            }

            var alerts = await reader.GetFromJsonAsync("/api/v1/alerts?limit=1&severity=medium", DemoJson.Default.ListAlertView, cancellationToken);
            if (alerts is { Count: > 0 })
            {
                firstAlertShown = true;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  first alert {clock.Elapsed.TotalSeconds:0} s after start: [{alerts[0].Severity}] {alerts[0].Title} ({string.Join(", ", alerts[0].Entities.Take(2).Select(e => e.Name))})"));
                output.Flush();
            }
        }, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sent {events:N0} events in {batches:N0} batches; waiting for detection and the behavioural models..."));
        output.Flush();
        for (var i = 0; i < 1200; i++)
        {
            var status = await reader.GetFromJsonAsync("/api/v1/status", DemoJson.Default.ServerStatus, cancellationToken);
            if (status!.PendingBatches == 0 && status.QueuedBytes == 0)
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        // One more model tick (every 5 s in the demo) scores the last observations.
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  done {clock.Elapsed.TotalSeconds:0} s after start."));
    }

    private static async Task Summarise(string address, string analystKey, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = Client(address, analystKey);
        var alerts = await client.GetFromJsonAsync("/api/v1/alerts?limit=1000", DemoJson.Default.ListAlertView, cancellationToken) ?? [];
        var incidents = await client.GetFromJsonAsync("/api/v1/incidents?limit=1000", DemoJson.Default.ListIncidentView, cancellationToken) ?? [];
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Found {alerts.Count:N0} alerts ({alerts.Count(a => a.Detector.StartsWith("model:", StringComparison.Ordinal))} from behavioural models), grouped into {incidents.Count:N0} incidents."));
        output.WriteLine("Top incidents by risk:");
        foreach (var incident in incidents.OrderByDescending(i => i.Risk).ThenBy(i => i.Id, StringComparer.Ordinal).Take(8))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {incident.Id}  risk {incident.Risk,5:0.0}  {incident.Severity,-8}  {incident.AlertCount,3} alerts  {Trim(incident.Title, 70)}"));
        }

        var actions = await client.GetFromJsonAsync("/api/v1/actions", DemoJson.Default.ActionList, cancellationToken);
        if (actions is { Actions.Count: > 0 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Response playbooks (shadow mode: no action webhook, so decisions are audited and nothing is executed): {actions.Actions.Count} steps decided:"));
            foreach (var group in actions.Actions.GroupBy(a => (a.Action, a.DecisionRule)).OrderByDescending(g => g.Count()).Take(6))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count(),5}  {group.Key.Action} under rule {group.Key.DecisionRule}"));
            }
        }

        output.WriteLine("Alerts by detector:");
        foreach (var group in alerts.GroupBy(a => a.Title.Split(':')[0], StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count(),5}  {Trim(group.Key, 90)}"));
        }
    }

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static HttpClient Client(string address, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Sets every model's learning period to at most <paramref name="days"/> (a week-long demo has no two-week baseline).</summary>
    private static void ShortenLearning(string models, int days)
    {
        foreach (var file in Directory.GetFiles(models, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            var changed = LearningDays().Replace(text, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > days
                ? string.Create(CultureInfo.InvariantCulture, $"learning_days: {days}")
                : m.Value);
            if (!string.Equals(changed, text, StringComparison.Ordinal))
            {
                File.WriteAllText(file, changed);
            }
        }
    }

    [GeneratedRegex(@"(?m)^learning_days:\s*(\d+)")]
    private static partial Regex LearningDays();
}
