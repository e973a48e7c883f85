using System.CommandLine;
using Spectre.Console;
using Vigil.Core.Alerts;
using Vigil.Storage.Embedded;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil alerts FILE</c>: the alerts kept in a store by <c>vigil hunt --store</c>, newest first.</summary>
internal static class AlertsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("store") { Description = "The alert store (SQLite file) written by 'vigil hunt --store'." };
        var severity = new Option<string?>("--min-severity") { Description = "Only alerts of this severity or higher." };
        severity.AcceptOnlyFromAmong("informational", "low", "medium", "high", "critical");
        var entity = new Option<string?>("--entity") { Description = "Only alerts about this user, host or address (canonical or as logged).", HelpName = "NAME" };
        var detector = new Option<string?>("--detector") { Description = "Only alerts of this detector (rule:ID or model:NAME).", HelpName = "DETECTOR" };
        var limit = new Option<int>("--limit") { Description = "The most alerts listed.", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be from 1 to 10000.");
            }
        });
        var format = new Option<string>("--format") { Description = "A table, or the stored OCSF Detection Findings as JSON lines.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var command = new Command("alerts", "List the alerts kept in a store, newest first.") { file, severity, entity, detector, limit, format };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"{path}: no such alert store.");
            }

            IReadOnlyList<StoredAlert> alerts;
            try
            {
                alerts = EmbeddedAlertStore.Open(path).Query(new AlertQuery
                {
                    MinimumSeverity = parseResult.GetValue(severity),
                    Entity = parseResult.GetValue(entity),
                    Detector = parseResult.GetValue(detector),
                    Limit = parseResult.GetValue(limit),
                });
            }
            catch (EmbeddedStoreException ex)
            {
                throw new CliFatalException(ex.Message, ex);
            }

            if (parseResult.GetValue(format) == "jsonl")
            {
                foreach (var alert in alerts)
                {
                    console.Output.WriteLine(alert.Json);
                }

                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Time (UTC)").NoWrap());
            table.AddColumn(new TableColumn("Severity").NoWrap());
            table.AddColumn("Detector");
            table.AddColumn("Title");
            table.AddColumn("Entities");
            foreach (var alert in alerts)
            {
                table.AddRow(
                    new Text(alert.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(alert.Severity),
                    new Text(alert.Detector),
                    new Text(alert.Title.Length <= 160 ? alert.Title : string.Concat(alert.Title.AsSpan(0, 159), "…")),
                    new Text(string.Join(", ", alert.Entities.Take(4))));
            }

            var output = console.CreateOutputConsole();
            output.Write(table);
            output.WriteLine($"{alerts.Count} alerts.");
            return ExitCodes.Ok;
        }), CancellationToken.None));
        return command;
    }
}
