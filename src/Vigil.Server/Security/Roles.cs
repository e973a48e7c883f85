namespace Vigil.Server.Security;

/// <summary>
/// The roles an API key has. Each reading role includes the ones before it: viewer &lt; analyst &lt; approver &lt; admin.
/// <c>ingest</c> is apart: a key for a log shipper, which may send events and nothing else (an admin key may too).
/// </summary>
internal static class Roles
{
    /// <summary>Sends events only.</summary>
    public const string Ingest = "ingest";

    /// <summary>Reads alerts, incidents, metrics and figures.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also gives verdicts, reports missed threats, proposes suppressions and retrains the triage model.</summary>
    public const string Analyst = "analyst";

    /// <summary>Also accepts or rejects suppressions (and, later, response approvals).</summary>
    public const string Approver = "approver";

    /// <summary>Everything, including API keys and the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>Gets every role, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Ingest, Viewer, Analyst, Approver, Admin];

    /// <summary>The roles that satisfy a required role.</summary>
    /// <param name="required">The role an endpoint needs.</param>
    /// <returns>The roles allowed.</returns>
    public static string[] Satisfying(string required) => required switch
    {
        Ingest => [Ingest, Admin],
        Viewer => [Viewer, Analyst, Approver, Admin],
        Analyst => [Analyst, Approver, Admin],
        Approver => [Approver, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(required), required, "unknown role"),
    };

    /// <summary>Whether a name is a role.</summary>
    /// <param name="role">The name.</param>
    /// <returns>True when it is one.</returns>
    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
