using Microsoft.AspNetCore.Builder;
using Vigil.Server.Security;

namespace Vigil.Server.Endpoints;

/// <summary>Attaches the role an endpoint needs (authorization policies are named after roles).</summary>
internal static class EndpointRoles
{
    /// <summary>Requires a role (or one that includes it).</summary>
    /// <typeparam name="TBuilder">The builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="role">The role.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, string role)
        where TBuilder : IEndpointConventionBuilder
    {
        _ = Roles.Satisfying(role);
        return builder.RequireAuthorization(role);
    }
}
