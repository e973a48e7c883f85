using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>Incidents (alerts grouped by entity and time) and entity risk.</summary>
internal static class IncidentsApi
{
    private static readonly string[] Statuses = ["open", "acknowledged", "closed"];

    /// <summary>Maps the incident and entity endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents");
        group.MapGet("/", List).WithName("ListIncidents").RequireRole(Roles.Viewer).WithSummary("Incidents, most recent activity first, with risk scores.");
        group.MapGet("/{id}", Get).WithName("GetIncident").RequireRole(Roles.Viewer).WithSummary("One incident.");
        group.MapGet("/{id}/alerts", Alerts).WithName("ListIncidentAlerts").RequireRole(Roles.Viewer).WithSummary("The alerts of an incident.");
        group.MapPatch("/{id}", SetStatus).WithName("SetIncidentStatus").RequireRole(Roles.Analyst).WithSummary("Acknowledge, close or reopen an incident (audited).");
        app.MapGet("/api/v1/entities", Entities).WithName("ListEntityRisk").WithTags("Incidents").RequireRole(Roles.Viewer)
            .WithSummary("Users, hosts and addresses by accumulated risk.");
        return app;
    }

    private static Results<Ok<IReadOnlyList<IncidentView>>, ValidationProblem> List(ServerStore store, string? status, double? minRisk, int? limit)
    {
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return Problems.Invalid("status", $"'{status}' is not an incident status ({string.Join(", ", Statuses)})");
        }

        if (limit is < 1 or > 1000)
        {
            return Problems.Invalid("limit", "must be between 1 and 1000");
        }

        return TypedResults.Ok(store.ListIncidents(status, minRisk, limit ?? 100));
    }

    private static Results<Ok<IncidentView>, ProblemHttpResult> Get(ServerStore store, string id)
        => store.GetIncident(id) is { } incident ? TypedResults.Ok(incident) : Problems.NotFound($"incident '{id}'");

    private static Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult> Alerts(ServerStore store, string id)
        => store.GetIncident(id) is null
            ? Problems.NotFound($"incident '{id}'")
            : TypedResults.Ok(store.ListAlerts(new AlertFilter { IncidentId = id, Limit = 1000 }));

    private static Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult> SetStatus(ServerStore store, ClaimsPrincipal user, string id, IncidentStatusChange change)
    {
        if (change.Status is null || !Statuses.Contains(change.Status, StringComparer.Ordinal))
        {
            return Problems.Invalid("status", $"'{change.Status}' is not an incident status ({string.Join(", ", Statuses)})");
        }

        return store.SetIncidentStatus(id, change.Status, Actor.Of(user)) is { } incident ? TypedResults.Ok(incident) : Problems.NotFound($"incident '{id}'");
    }

    private static Results<Ok<IReadOnlyList<EntityRiskView>>, ValidationProblem> Entities(ServerStore store, string? kind, int? limit)
    {
        if (kind is not null and not ("user" or "host" or "ip"))
        {
            return Problems.Invalid("kind", $"'{kind}' is not an entity kind (user, host, ip)");
        }

        if (limit is < 1 or > 1000)
        {
            return Problems.Invalid("limit", "must be between 1 and 1000");
        }

        return TypedResults.Ok(store.ListEntityRisk(kind, limit ?? 100));
    }
}
