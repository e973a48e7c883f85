using Vigil.Response.Audit;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>Human commands: approve, deny, cancel, undo; and approval expiry.</summary>
internal sealed partial class ResponseEngine
{
    /// <summary>Approves a pending action; when enough distinct people have approved, it runs.</summary>
    /// <param name="approvalId">The approval id (the action id).</param>
    /// <param name="approver">Who approves.</param>
    /// <param name="role">Their role; it must be at least the required role.</param>
    /// <param name="cancellationToken">Cancels execution.</param>
    /// <returns>Accepted, or why not.</returns>
    public async Task<CommandResult> ApproveAsync(string approvalId, string approver, ApproverRole role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        if (!_actions.TryGetValue(approvalId, out var entry))
        {
            return CommandResult.Refused($"no action '{approvalId}'", null);
        }

        lock (entry.Gate)
        {
            if (Refusal(entry, role) is { } refusal)
            {
                return CommandResult.Refused(refusal, entry.Snapshot());
            }

            if (entry.Approvers.Contains(approver, StringComparer.OrdinalIgnoreCase))
            {
                return CommandResult.Refused($"{approver} has already approved; another person must approve", entry.Snapshot());
            }

            entry.Approvers.Add(approver);
            _audit.Append(AuditKind.Approval, approver, entry.Subject, AuditBodies.With(entry, ("role", Name(role)),
                ("approvals", entry.Approvers.Count), ("approvers_needed", entry.ApproversNeeded)));
            if (entry.Approvers.Count >= entry.ApproversNeeded)
            {
                entry.State = ActionState.Approved;
            }
        }

        await ExecuteAsync(entry, approver, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok(entry.Snapshot());
    }

    /// <summary>Denies a pending action; it never runs.</summary>
    /// <param name="approvalId">The approval id (the action id).</param>
    /// <param name="approver">Who denies.</param>
    /// <param name="role">Their role; it must be at least the required role.</param>
    /// <param name="reason">Why.</param>
    /// <returns>Accepted, or why not.</returns>
    public CommandResult Deny(string approvalId, string approver, ApproverRole role, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        if (!_actions.TryGetValue(approvalId, out var entry))
        {
            return CommandResult.Refused($"no action '{approvalId}'", null);
        }

        lock (entry.Gate)
        {
            if (Refusal(entry, role) is { } refusal)
            {
                return CommandResult.Refused(refusal, entry.Snapshot());
            }

            _audit.Append(AuditKind.Denial, approver, entry.Subject, AuditBodies.With(entry, ("role", Name(role)), ("reason", reason)));
            (entry.State, entry.Reason) = (ActionState.Denied, reason);
            return CommandResult.Ok(entry.Snapshot());
        }
    }

    /// <summary>Cancels a pending action.</summary>
    /// <param name="approvalId">The approval id (the action id).</param>
    /// <param name="actor">Who cancels.</param>
    /// <returns>Accepted, or why not.</returns>
    public CommandResult Cancel(string approvalId, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!_actions.TryGetValue(approvalId, out var entry))
        {
            return CommandResult.Refused($"no action '{approvalId}'", null);
        }

        lock (entry.Gate)
        {
            if (entry.State != ActionState.PendingApproval)
            {
                return CommandResult.Refused($"only a pending action can be cancelled; this one is {ActionStates.Name(entry.State)}", entry.Snapshot());
            }

            _audit.Append(AuditKind.Override, actor, entry.Subject, AuditBodies.With(entry, ("override", "cancel")));
            (entry.State, entry.Reason) = (ActionState.Cancelled, "cancelled by " + actor);
            return CommandResult.Ok(entry.Snapshot());
        }
    }

    /// <summary>Reverses an executed reversible action by running its undo action (keyed <c>&lt;id&gt;:undo</c>).</summary>
    /// <param name="actionId">The action id.</param>
    /// <param name="actor">Who undoes it.</param>
    /// <param name="cancellationToken">Cancels the undo.</param>
    /// <returns>Accepted (and then <see cref="ActionState.Undone"/> or, when the undo failed, escalated), or why not.</returns>
    public async Task<CommandResult> UndoAsync(string actionId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!_actions.TryGetValue(actionId, out var entry))
        {
            return CommandResult.Refused($"no action '{actionId}'", null);
        }

        ActionRequest request;
        lock (entry.Gate)
        {
            var undo = entry.Step.Undo ?? (ResponseActions.TryGetUndo(entry.Step.Action, out var known) ? known : null);
            if (entry.State != ActionState.Succeeded || undo is not { } undoAction || entry.Step.Irreversible)
            {
                return CommandResult.Refused("only a succeeded, reversible action can be undone", entry.Snapshot());
            }

            request = entry.Request() with { IdempotencyKey = entry.Id + ":undo", Action = undoAction };
            _audit.Append(AuditKind.Override, actor, entry.Subject, AuditBodies.With(entry, ("override", "undo"),
                ("undo_action", ResponseActions.Name(undoAction)), ("idempotency_key", request.IdempotencyKey)));
            entry.State = ActionState.Executing;
        }

        var result = await RunAsync(entry, request, cancellationToken).ConfigureAwait(false);
        lock (entry.Gate)
        {
            entry.Attempts += result.Attempts;
            entry.LastError = result.Error;
            entry.State = result.Succeeded ? ActionState.Undone : ActionState.Succeeded;
            _audit.Append(AuditKind.ActionOutcome, actor, entry.Subject, AuditBodies.Outcome(entry, request.IdempotencyKey, result));
        }

        if (!result.Succeeded)
        {
            await EscalateFailureAsync(entry, $"undo failed: {result.Error}", cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok(entry.Snapshot());
    }

    /// <summary>Expires every pending approval whose time is up: audits an escalation and notifies on-call. The host calls this periodically.</summary>
    /// <param name="cancellationToken">Cancels the notices.</param>
    /// <returns>The actions that expired now.</returns>
    public async Task<IReadOnlyList<ActionRecord>> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expired = new List<ActionEntry>();
        foreach (var entry in _actions.Values)
        {
            lock (entry.Gate)
            {
                if (entry.State == ActionState.PendingApproval && entry.ExpiresAt <= now)
                {
                    _audit.Append(AuditKind.Escalation, _options.Actor, entry.Subject, AuditBodies.With(entry, ("reason", "approval expired"),
                        ("approvals", entry.Approvers.Count), ("approvers_needed", entry.ApproversNeeded), ("on_call", true)));
                    (entry.State, entry.Reason) = (ActionState.Expired, "approval expired");
                    expired.Add(entry);
                }
            }
        }

        foreach (var entry in expired)
        {
            await NotifyExpiredAsync(entry, $"approval expired with {entry.Approvers.Count} of {entry.ApproversNeeded} approvals", cancellationToken)
                .ConfigureAwait(false);
        }

        return [.. expired.Select(e => e.Snapshot())];
    }

    /// <summary>Why an approver may not decide on an action now, or null; called under the entry's lock.</summary>
    private string? Refusal(ActionEntry entry, ApproverRole role)
    {
        if (entry.State != ActionState.PendingApproval)
        {
            return $"the action is not pending approval; it is {ActionStates.Name(entry.State)}";
        }

        if (entry.ExpiresAt <= _time.GetUtcNow())
        {
            return "the approval has expired";
        }

        return role < entry.RequiredRole ? $"role {Name(role)} may not decide; at least {Name(entry.RequiredRole.Value)} is required" : null;
    }

    private static string Name(ApproverRole role) => role.ToString().ToLowerInvariant();
}
