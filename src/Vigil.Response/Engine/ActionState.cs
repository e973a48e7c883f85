namespace Vigil.Response.Engine;

/// <summary>Where a response action is in its life.</summary>
internal enum ActionState
{
    /// <summary>Waiting for enough approvals.</summary>
    PendingApproval,

    /// <summary>Cleared to run (autonomous, or approved), not yet started.</summary>
    Approved,

    /// <summary>Running (or its undo is running).</summary>
    Executing,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>Failed, and the escalation that followed failed too: the audit log holds both errors.</summary>
    Failed,

    /// <summary>Failed, and handed to on-call with an automation-failure ticket.</summary>
    Escalated,

    /// <summary>An approver denied it.</summary>
    Denied,

    /// <summary>No decision came in time; on-call was notified.</summary>
    Expired,

    /// <summary>Cancelled by a person before it ran.</summary>
    Cancelled,

    /// <summary>Executed, then reversed by its undo action.</summary>
    Undone,

    /// <summary>Shadow mode: recorded, never executed.</summary>
    Shadow,

    /// <summary>The policy forbids it: recorded, never executed.</summary>
    Forbidden,
}
