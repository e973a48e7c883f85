namespace Vigil.Response.Audit;

/// <summary>What an audit record is about. Stored as the snake_case name (see <see cref="AuditKindNames"/>).</summary>
internal enum AuditKind
{
    /// <summary>A policy decision: autonomous, needs approval, or forbidden.</summary>
    Decision,

    /// <summary>A human approved an action.</summary>
    Approval,

    /// <summary>A human denied an action.</summary>
    Denial,

    /// <summary>A human overrode a decision.</summary>
    Override,

    /// <summary>An action is about to be attempted.</summary>
    ActionAttempt,

    /// <summary>The outcome of an attempted action.</summary>
    ActionOutcome,

    /// <summary>A failure or a timeout was escalated.</summary>
    Escalation,

    /// <summary>The kill switch was engaged or released.</summary>
    KillSwitch,
}
