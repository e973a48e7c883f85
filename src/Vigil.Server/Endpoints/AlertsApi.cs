using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>Alerts: list, one with its full explanation, and its OCSF and TheHive forms.</summary>
internal static class AlertsApi
{
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];
    private static readonly string[] Statuses = ["new", "suppressed"];

    /// <summary>Maps the alert endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireRole(Roles.Viewer);
        group.MapGet("/", List).WithName("ListAlerts").WithSummary("Alerts, newest first, filtered by time, severity, detector, entity, status or incident.");
        group.MapGet("/{id}", Get).WithName("GetAlert").WithSummary("One alert with its explanation: detector and version, matched values or baseline evidence, ATT&CK, entities, confidence and evidence events.");
        group.MapGet("/{id}/ocsf", Ocsf).WithName("GetAlertOcsf").WithSummary("The alert as an OCSF Detection Finding (class 2004).");
        group.MapGet("/{id}/thehive", TheHive).WithName("GetAlertTheHive").WithSummary("The alert as a TheHive 5 alert body.");
        return app;
    }

    private static Results<Ok<IReadOnlyList<AlertView>>, ValidationProblem> List(
        ServerStore store, DateTimeOffset? from, DateTimeOffset? to, string? severity, string? detector, string? entity, string? status, string? incident, int? limit)
    {
        if (severity is not null && !Severities.Contains(severity, StringComparer.Ordinal))
        {
            return Problems.Invalid("severity", $"'{severity}' is not a severity ({string.Join(", ", Severities)})");
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return Problems.Invalid("status", $"'{status}' is not an alert status ({string.Join(", ", Statuses)})");
        }

        if (limit is < 1 or > 1000)
        {
            return Problems.Invalid("limit", "must be between 1 and 1000");
        }

        return TypedResults.Ok(store.ListAlerts(new AlertFilter
        {
            From = from, To = to, MinimumSeverity = severity, Detector = detector, Entity = entity, Status = status, IncidentId = incident, Limit = limit ?? 100,
        }));
    }

    private static Results<Ok<AlertView>, ProblemHttpResult> Get(ServerStore store, string id)
        => store.GetAlert(id) is { } alert ? TypedResults.Ok(alert) : Problems.NotFound($"alert '{id}'");

    private static Results<ContentHttpResult, ProblemHttpResult> Ocsf(ServerStore store, string id)
        => store.GetAlert(id) is { Finding: { } finding } ? TypedResults.Text(finding.GetRawText(), "application/json") : Problems.NotFound($"alert '{id}'");

    private static Results<ContentHttpResult, ProblemHttpResult> TheHive(ServerStore store, string id)
        => store.GetTheHiveAlert(id) is { } json ? TypedResults.Text(json, "application/json") : Problems.NotFound($"alert '{id}' (or no TheHive form of it)");
}
