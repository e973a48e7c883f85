using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Vigil.Response.Audit;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>
/// Governed response: for each step of each playbook matching an alert, decides by the decision rights, audits the decision
/// before anything else, then executes, waits for approval, refuses, or (in shadow mode) only records. Failures escalate to
/// on-call and a ticket; nothing fails silently. Actions have stable ids from (alert, playbook, step), so handling an alert
/// twice never acts twice. Thread-safe: each action has its own lock and only the thread that moves an action to
/// <see cref="ActionState.Executing"/> runs it.
/// </summary>
internal sealed partial class ResponseEngine
{
    private readonly ConcurrentDictionary<string, ActionEntry> _actions = new(StringComparer.Ordinal);
    private readonly DecisionPolicy _policy;
    private readonly IReadOnlyList<Playbook> _playbooks;
    private readonly ResponseAuditLog _audit;
    private readonly IActionExecutor _executor;
    private readonly IEscalationTarget _escalation;
    private readonly ITicketOpener _tickets;
    private readonly TimeProvider _time;
    private readonly ResponseEngineOptions _options;
    private int _paused;

    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The decision rights.</param>
    /// <param name="playbooks">The playbooks.</param>
    /// <param name="audit">The audit log (not owned).</param>
    /// <param name="executor">Executes actions.</param>
    /// <param name="escalation">Notifies on-call.</param>
    /// <param name="tickets">Opens automation-failure tickets.</param>
    /// <param name="time">The clock for approval expiry.</param>
    /// <param name="options">The options; defaults when null.</param>
    public ResponseEngine(DecisionPolicy policy, IReadOnlyList<Playbook> playbooks, ResponseAuditLog audit, IActionExecutor executor,
        IEscalationTarget escalation, ITicketOpener tickets, TimeProvider time, ResponseEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(time);
        (_policy, _playbooks, _audit, _executor, _escalation, _tickets, _time) = (policy, playbooks, audit, executor, escalation, tickets, time);
        _options = options ?? new ResponseEngineOptions();
    }

    /// <summary>Whether the kill switch is engaged.</summary>
    public bool IsPaused => Volatile.Read(ref _paused) == 1;

    /// <summary>Handles an alert: one action per step that is not skipped; an action that exists already is returned as it is.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="inMaintenance">Whether the alert's asset is in a maintenance window.</param>
    /// <param name="cancellationToken">Cancels execution.</param>
    /// <returns>The actions, in step order.</returns>
    /// <exception cref="AuditLogException">A decision could not be audited; that action was not taken.</exception>
    public async Task<IReadOnlyList<ActionRecord>> HandleAsync(ResponseAlert alert, bool inMaintenance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var records = new List<ActionRecord>();
        foreach (var match in PlaybookMatcher.Match(_playbooks, alert))
        {
            foreach (var planned in match.Steps.Where(s => !s.IsSkipped))
            {
                var entry = new ActionEntry(ActionIds.For(alert.Id, match.Playbook.Name, planned.Step.Id), alert, match.Playbook.Name, planned.Step, planned.Target!);
                if (Admit(entry, inMaintenance) is { } existing)
                {
                    records.Add(existing.Snapshot());
                    continue;
                }

                await ExecuteAsync(entry, _options.Actor, cancellationToken).ConfigureAwait(false);
                records.Add(entry.Snapshot());
            }
        }

        return records;
    }

    /// <summary>One action.</summary>
    /// <param name="id">The action id.</param>
    /// <returns>A snapshot, or null when unknown.</returns>
    public ActionRecord? Get(string id) => _actions.TryGetValue(id, out var entry) ? entry.Snapshot() : null;

    /// <summary>Every action, ordered by id.</summary>
    /// <returns>Snapshots.</returns>
    public IReadOnlyList<ActionRecord> Actions() => [.. _actions.Values.Select(e => e.Snapshot()).OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>The actions waiting for approval, soonest expiry first.</summary>
    /// <returns>Snapshots.</returns>
    public IReadOnlyList<ActionRecord> PendingApprovals() =>
        [.. Actions().Where(r => r.State == ActionState.PendingApproval).OrderBy(r => r.ExpiresAt)];

    /// <summary>Engages the kill switch: from now on, actions that would run by themselves wait for approval instead.</summary>
    /// <param name="actor">Who engaged it.</param>
    /// <param name="reason">Why.</param>
    public void PauseAll(string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _audit.Append(AuditKind.KillSwitch, actor, "kill_switch", new JsonObject { ["engaged"] = true, ["reason"] = reason });
        Volatile.Write(ref _paused, 1);
    }

    /// <summary>Releases the kill switch.</summary>
    /// <param name="actor">Who released it.</param>
    public void Resume(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _audit.Append(AuditKind.KillSwitch, actor, "kill_switch", new JsonObject { ["engaged"] = false });
        Volatile.Write(ref _paused, 0);
    }

    /// <summary>Registers a new action and audits its decision, or finds the existing one.</summary>
    /// <returns>The existing entry, or null when this one is new (and then decided, and <see cref="ActionState.Approved"/> if it is to run).</returns>
    private ActionEntry? Admit(ActionEntry entry, bool inMaintenance)
    {
        lock (entry.Gate)
        {
            if (!_actions.TryAdd(entry.Id, entry))
            {
                return _actions[entry.Id];
            }

            try
            {
                Decide(entry, inMaintenance);
                return null;
            }
            catch (AuditLogException)
            {
                _actions.TryRemove(entry.Id, out _);
                throw;
            }
        }
    }

    /// <summary>Evaluates the policy, audits the decision and sets the state; called under the entry's lock.</summary>
    private void Decide(ActionEntry entry, bool inMaintenance)
    {
        var decision = PolicyEvaluator.Evaluate(_policy, PolicyInput.For(entry.Alert, entry.Step.Action, entry.Target, inMaintenance));
        entry.DecisionRule = decision.RuleId;
        var kind = decision.Kind;
        string outcome;
        if (kind == DecisionKind.Autonomous && IsPaused)
        {
            (entry.RequiredRole, entry.ApproversNeeded, entry.Reason) = (_options.PausedApprovalRole, 1, "automation paused");
            entry.ExpiresAt = _time.GetUtcNow() + _options.PausedApprovalExpiry;
            outcome = "pending approval: automation paused";
            kind = DecisionKind.Approval;
        }
        else if (kind == DecisionKind.Approval)
        {
            (entry.RequiredRole, entry.ApproversNeeded, entry.Reason) = (decision.Role, Math.Max(1, decision.Approvers), decision.Reason);
            entry.ExpiresAt = _time.GetUtcNow() + (decision.ExpiresAfter ?? _options.PausedApprovalExpiry);
            outcome = "pending approval";
        }
        else
        {
            outcome = kind switch
            {
                DecisionKind.Shadow => "shadow: would have been " + decision.EnforcedKind.ToString().ToLowerInvariant(),
                DecisionKind.Forbidden => "forbidden: not executed",
                _ => "execute",
            };
        }

        var body = AuditBodies.Decision(entry, decision, outcome);
        if (entry.ExpiresAt is { } expires)
        {
            body["approval"] = new JsonObject
            {
                ["id"] = entry.Id,
                ["role"] = entry.RequiredRole?.ToString().ToLowerInvariant(),
                ["approvers_needed"] = entry.ApproversNeeded,
                ["expires_at"] = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        _audit.Append(AuditKind.Decision, _options.Actor, entry.Subject, body);
        entry.State = kind switch
        {
            DecisionKind.Autonomous => ActionState.Approved,
            DecisionKind.Approval => ActionState.PendingApproval,
            DecisionKind.Forbidden => ActionState.Forbidden,
            _ => ActionState.Shadow,
        };
    }
}
