using System.CommandLine;
using Vigil.Cli.Serving;
using Vigil.Cli.Setup;
using Vigil.Detection.Engine;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil serve</c> and <c>vigil keys</c>.</summary>
internal static class ServeCommand
{
    /// <summary>Creates <c>vigil serve</c>.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var workspace = new Option<string>("--workspace", "-w") { Description = "The workspace folder (rules/, models/, context/); the store goes in its .vigil/ folder.", HelpName = "DIR", Required = true };
        var listen = new Option<string[]>("--listen") { Description = "HTTP address to listen on (repeatable). Default http://127.0.0.1:8080.", HelpName = "URL", AllowMultipleArgumentsPerToken = false };
        var database = new Option<string?>("--db") { Description = "The SQLite store (default <workspace>/.vigil/vigil.db).", HelpName = "FILE" };
        var syslogUdp = new Option<int?>("--syslog-udp") { Description = "Receive syslog over UDP on this port.", HelpName = "PORT" };
        var syslogTcp = new Option<int?>("--syslog-tcp") { Description = "Receive syslog over TCP on this port (RFC 6587 octet counting or newline framing).", HelpName = "PORT" };
        var syslogAddress = new Option<string>("--syslog-address") { Description = "The address syslog listeners bind.", HelpName = "IP", DefaultValueFactory = _ => "127.0.0.1" };
        var watch = new Option<string?>("--watch") { Description = "Ingest files dropped into this folder (moved to processed/ once journaled).", HelpName = "DIR" };
        var modelTick = new Option<int>("--model-tick") { Description = "Seconds between behavioural model runs.", HelpName = "SECONDS", DefaultValueFactory = _ => 30 };
        var retrain = new Option<double?>("--triage-retrain-hours") { Description = "Retrain the triage model on this schedule (default: on demand only).", HelpName = "HOURS" };
        var backlog = new Option<long>("--max-backlog") { Description = "Events waiting for detection before ingest answers 503.", HelpName = "EVENTS", DefaultValueFactory = _ => 2_000_000 };
        var step = new Option<int>("--detection-step") { Description = "Most events per detection step (smaller: lower latency; larger: fewer commits).", HelpName = "EVENTS", DefaultValueFactory = _ => 5_000 };
        var retention = new Option<double>("--journal-retention-days") { Description = "Days raw events stay in the journal once detected (keys stay for idempotency).", HelpName = "DAYS", DefaultValueFactory = _ => 7 };
        var actionWebhook = new Option<Uri?>("--action-webhook") { Description = "Where response actions are sent (bearer token from VIGIL_ACTION_WEBHOOK_TOKEN); without it playbooks run in shadow mode.", HelpName = "URL" };
        var escalationWebhook = new Option<Uri?>("--escalation-webhook") { Description = "Where failed actions escalate (on-call and an automation-failure ticket); without it, the console.", HelpName = "URL" };
        var detection = new DetectionOptions();
        var command = new Command("serve", "Run the platform service: ingest over HTTP, Splunk HEC, syslog and a watched folder; continuous detection; alerts, incidents, feedback; an authenticated API.")
        {
            workspace, listen, database, syslogUdp, syslogTcp, syslogAddress, watch, modelTick, retrain, backlog, step, retention, actionWebhook, escalationWebhook,
        };
        detection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var folders = Workspace.Resolve(parseResult.GetRequiredValue(workspace), null, null, null);
            var tick = parseResult.GetValue(modelTick);
            if (tick < 1)
            {
                throw new CliUsageException("--model-tick must be at least 1 second.");
            }

            var hours = parseResult.GetValue(retrain);
            if (hours is <= 0)
            {
                throw new CliUsageException("--triage-retrain-hours must be positive.");
            }

            var urls = parseResult.GetValue(listen) is { Length: > 0 } given ? given : ["http://127.0.0.1:8080"];
            var settings = new ServeSettings
            {
                Workspace = folders,
                WorkspacePath = parseResult.GetRequiredValue(workspace),
                ActionWebhook = parseResult.GetValue(actionWebhook),
                EscalationWebhook = parseResult.GetValue(escalationWebhook),
                Detection = detection.Read(parseResult, folders.Rules, RuleSelection.All),
                Server = new ServerOptions
                {
                    DatabasePath = parseResult.GetValue(database) ?? Path.Combine(parseResult.GetRequiredValue(workspace), ServeService.DatabaseRelativePath),
                    Urls = urls,
                    SyslogUdpPort = parseResult.GetValue(syslogUdp),
                    SyslogTcpPort = parseResult.GetValue(syslogTcp),
                    SyslogAddress = parseResult.GetRequiredValue(syslogAddress),
                    WatchFolder = parseResult.GetValue(watch),
                    ModelTickInterval = TimeSpan.FromSeconds(tick),
                    TriageRetrainInterval = hours is { } h ? TimeSpan.FromHours(h) : null,
                    MaxBacklogEvents = parseResult.GetValue(backlog),
                    JournalRetention = parseResult.GetValue(retention) is var days and > 0 and <= 3650
                        ? TimeSpan.FromDays(days)
                        : throw new CliUsageException("--journal-retention-days must be more than 0 and at most 3,650."),
                    DetectionStepEvents = parseResult.GetValue(step) is var events and >= 100 and <= 1_000_000
                        ? events
                        : throw new CliUsageException("--detection-step must be between 100 and 1,000,000 events."),
                },
            };
            return ServeService.Run(settings, console, cancellationToken);
        }), CancellationToken.None));
        return command;
    }

    /// <summary>Creates <c>vigil keys add</c>.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command CreateKeys(CliConsole console)
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "The workspace whose store gets the key.", HelpName = "DIR" };
        var database = new Option<string?>("--db") { Description = "The SQLite store (default <workspace>/.vigil/vigil.db).", HelpName = "FILE" };
        var role = new Option<string>("--role") { Description = "ingest, viewer, analyst, approver or admin.", HelpName = "ROLE", Required = true };
        var name = new Option<string>("--name") { Description = "Who or what uses the key.", HelpName = "NAME", Required = true };
        var add = new Command("add", "Create an API key in a server's store and print it (once: only its hash is stored).") { workspace, database, role, name };
        add.SetAction(parseResult => CommandGuard.Run(console, () =>
        {
            var path = parseResult.GetValue(database)
                ?? (parseResult.GetValue(workspace) is { } ws ? Path.Combine(ws, ServeService.DatabaseRelativePath) : throw new CliUsageException("give --workspace or --db."));
            var roleName = parseResult.GetRequiredValue(role);
            if (!Vigil.Server.Security.Roles.IsRole(roleName))
            {
                throw new CliUsageException($"'{roleName}' is not a role: use ingest, viewer, analyst, approver or admin.");
            }

            try
            {
                var (id, secret) = VigilServer.CreateKey(path, parseResult.GetRequiredValue(name), roleName, "vigil keys add");
                console.Output.WriteLine($"Created key {id} with role {roleName}. Shown this once:");
                console.Output.WriteLine(secret);
                return ExitCodes.Ok;
            }
            catch (Vigil.Storage.Embedded.EmbeddedStoreException ex)
            {
                throw new CliFatalException(ex.Message, ex);
            }
        }));
        return new Command("keys", "Manage the API keys of a server's store.") { add };
    }
}
