using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>API keys and the audit trail (admin only).</summary>
internal static class AdminApi
{
    /// <summary>Maps the admin endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/keys").WithTags("Admin").RequireRole(Roles.Admin);
        keys.MapGet("/", (ServerStore store) => TypedResults.Ok(store.ListKeys())).WithName("ListApiKeys").WithSummary("API keys (never their secrets).");
        keys.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create a key; the secret is in this answer only (only its hash is stored).");
        keys.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key (audited).");
        app.MapGet("/api/v1/audit", Audit).WithName("ListAudit").WithTags("Admin").RequireRole(Roles.Admin)
            .WithSummary("Every state change: who, when, what, before and after.");
        return app;
    }

    private static Results<Created<CreatedApiKey>, ValidationProblem> Create(ServerStore store, ClaimsPrincipal user, NewApiKey request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return Problems.Invalid("name", "a name of 1 to 100 characters is required");
        }

        if (!Roles.IsRole(request.Role))
        {
            return Problems.Invalid("role", $"'{request.Role}' is not a role ({string.Join(", ", Roles.All)})");
        }

        var (key, secret) = store.CreateKey(request.Name.Trim(), request.Role!, Actor.Of(user));
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new CreatedApiKey(key, secret));
    }

    private static Results<Ok<ApiKeyInfo>, ProblemHttpResult> Revoke(ServerStore store, ApiKeyCache cache, ClaimsPrincipal user, string id)
    {
        var key = store.RevokeKey(id, Actor.Of(user));
        cache.Clear();
        return key is null ? Problems.NotFound($"API key '{id}'") : TypedResults.Ok(key);
    }

    private static Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem> Audit(ServerStore store, long? after, int? limit)
        => limit is < 1 or > 1000
            ? Problems.Invalid("limit", "must be between 1 and 1000")
            : TypedResults.Ok(store.ListAudit(after ?? 0, limit ?? 100));
}
