namespace Vigil.Response.Audit;

/// <summary>The stored names of <see cref="AuditKind"/>: these strings are hashed, so they never change.</summary>
internal static class AuditKindNames
{
    /// <summary>The stored name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its snake_case name.</returns>
    public static string ToName(AuditKind kind) => kind switch
    {
        AuditKind.Decision => "decision",
        AuditKind.Approval => "approval",
        AuditKind.Denial => "denial",
        AuditKind.Override => "override",
        AuditKind.ActionAttempt => "action_attempt",
        AuditKind.ActionOutcome => "action_outcome",
        AuditKind.Escalation => "escalation",
        AuditKind.KillSwitch => "kill_switch",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown audit kind"),
    };

    /// <summary>Parses a stored name.</summary>
    /// <param name="name">The stored name.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <returns>Whether the name is a known kind.</returns>
    public static bool TryParse(string? name, out AuditKind kind)
    {
        foreach (var candidate in Enum.GetValues<AuditKind>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
