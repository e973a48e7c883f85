using System.Security.Claims;

namespace Vigil.Server.Endpoints;

/// <summary>Who made a request, as recorded in the audit trail: the key's name and id.</summary>
internal static class Actor
{
    /// <summary>Names the caller.</summary>
    /// <param name="user">The authenticated user.</param>
    /// <returns><c>name (key id)</c>.</returns>
    public static string Of(ClaimsPrincipal user)
        => $"{user.Identity?.Name ?? "unknown"} ({user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "?"})";
}
