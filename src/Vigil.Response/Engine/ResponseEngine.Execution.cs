using System.Text.Json.Nodes;
using Vigil.Response.Audit;
using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Execution, outcomes and escalation.</summary>
internal sealed partial class ResponseEngine
{
    /// <summary>Runs an action that is <see cref="ActionState.Approved"/>; does nothing in any other state, so it runs at most once.</summary>
    private async Task ExecuteAsync(ActionEntry entry, string actor, CancellationToken cancellationToken)
    {
        lock (entry.Gate)
        {
            if (entry.State != ActionState.Approved)
            {
                return;
            }

            _audit.Append(AuditKind.ActionAttempt, actor, entry.Subject, AuditBodies.With(entry, ("idempotency_key", entry.Id)));
            entry.State = ActionState.Executing;
        }

        var result = await RunAsync(entry, entry.Request(), cancellationToken).ConfigureAwait(false);
        lock (entry.Gate)
        {
            entry.Attempts += result.Attempts;
            entry.LastError = result.Error;
            entry.State = result.Succeeded ? ActionState.Succeeded : ActionState.Failed;
            _audit.Append(AuditKind.ActionOutcome, actor, entry.Subject, AuditBodies.Outcome(entry, entry.Id, result));
        }

        if (!result.Succeeded)
        {
            await EscalateFailureAsync(entry, $"action failed: {result.Error}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Calls the executor; a throwing executor counts as a failure and a cancelled call is audited before it propagates.</summary>
    private async Task<ActionResult> RunAsync(ActionEntry entry, ActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _executor.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            lock (entry.Gate)
            {
                entry.State = ActionState.Failed;
                entry.LastError = "cancelled while executing; the remote state is unknown";
                _audit.Append(AuditKind.ActionOutcome, _options.Actor, entry.Subject, AuditBodies.With(entry,
                    ("idempotency_key", request.IdempotencyKey), ("succeeded", false), ("error", entry.LastError + ": " + ex.Message)));
            }

            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or NotSupportedException)
        {
            return new ActionResult(false, null, 1, $"the executor threw {ex.GetType().Name}: {ex.Message}", TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // an unexpected fault (a bug in an executor): record it so the action is never left executing, then let it surface
            lock (entry.Gate)
            {
                entry.State = ActionState.Failed;
                entry.LastError = $"the executor crashed with {ex.GetType().Name}; the remote state is unknown";
                _audit.Append(AuditKind.ActionOutcome, _options.Actor, entry.Subject, AuditBodies.With(entry,
                    ("idempotency_key", request.IdempotencyKey), ("succeeded", false), ("error", entry.LastError + ": " + ex.Message)));
            }

            throw;
        }
    }

    /// <summary>Audits an escalation, notifies on-call and opens an automation-failure ticket; audits the escalation's own failure.</summary>
    private async Task EscalateFailureAsync(ActionEntry entry, string reason, CancellationToken cancellationToken)
    {
        _audit.Append(AuditKind.Escalation, _options.Actor, entry.Subject, AuditBodies.With(entry,
            ("reason", reason), ("on_call", true), ("ticket", WebhookTicketOpener.Title)));
        var notice = entry.Notice(reason);
        var page = await SafeAsync(() => _escalation.NotifyAsync(notice, cancellationToken)).ConfigureAwait(false);
        var ticket = await SafeAsync(() => _tickets.OpenAsync(notice, cancellationToken)).ConfigureAwait(false);
        var reached = page.Succeeded && ticket.Succeeded;
        lock (entry.Gate)
        {
            if (entry.State == ActionState.Failed && reached)
            {
                entry.State = ActionState.Escalated;
            }

            AuditEscalationResult(entry, page, ticket);
        }
    }

    /// <summary>Notifies on-call that an approval expired; audits a failed notice.</summary>
    private async Task NotifyExpiredAsync(ActionEntry entry, string reason, CancellationToken cancellationToken)
    {
        var page = await SafeAsync(() => _escalation.NotifyAsync(entry.Notice(reason), cancellationToken)).ConfigureAwait(false);
        if (!page.Succeeded)
        {
            _audit.Append(AuditKind.Escalation, _options.Actor, entry.Subject, AuditBodies.With(entry,
                ("escalation_failed", true), ("on_call_error", page.Error)));
        }
    }

    /// <summary>Audits what the escalation came to; a failure is recorded so that it is never silent.</summary>
    private void AuditEscalationResult(ActionEntry entry, ActionResult page, ActionResult ticket)
    {
        var failed = !page.Succeeded || !ticket.Succeeded;
        if (failed)
        {
            entry.LastError += $"; escalation failed (on-call: {page.Error ?? "ok"}, ticket: {ticket.Error ?? "ok"})";
        }

        _audit.Append(AuditKind.Escalation, _options.Actor, entry.Subject, AuditBodies.With(entry,
            ("escalation_failed", failed),
            ("on_call", new JsonObject { ["succeeded"] = page.Succeeded, ["error"] = page.Error }),
            ("ticket", new JsonObject { ["succeeded"] = ticket.Succeeded, ["error"] = ticket.Error })));
    }

    /// <summary>Runs an escalation call; an escalation target that throws becomes a failed result (cancellation propagates).</summary>
    private static async Task<ActionResult> SafeAsync(Func<Task<ActionResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or NotSupportedException)
        {
            return new ActionResult(false, null, 1, $"threw {ex.GetType().Name}: {ex.Message}", TimeSpan.Zero);
        }
    }
}
