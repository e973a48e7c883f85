using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>The engine's mutable state of one action; every member is read and written under <see cref="Gate"/>.</summary>
internal sealed class ActionEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The action id.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="playbook">The playbook name.</param>
    /// <param name="step">The step.</param>
    /// <param name="target">The expanded target.</param>
    public ActionEntry(string id, ResponseAlert alert, string playbook, PlaybookStep step, string target)
    {
        Id = id;
        Alert = alert;
        Playbook = playbook;
        Step = step;
        Target = target;
    }

    /// <summary>Guards every member.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The action id.</summary>
    public string Id { get; }

    /// <summary>The alert.</summary>
    public ResponseAlert Alert { get; }

    /// <summary>The playbook name.</summary>
    public string Playbook { get; }

    /// <summary>The step.</summary>
    public PlaybookStep Step { get; }

    /// <summary>The expanded target.</summary>
    public string Target { get; }

    /// <summary>The state.</summary>
    public ActionState State { get; set; } = ActionState.PendingApproval;

    /// <summary>The deciding rule.</summary>
    public string DecisionRule { get; set; } = string.Empty;

    /// <summary>Executor attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last error.</summary>
    public string? LastError { get; set; }

    /// <summary>The least role that may approve.</summary>
    public ApproverRole? RequiredRole { get; set; }

    /// <summary>Distinct approvers needed.</summary>
    public int ApproversNeeded { get; set; }

    /// <summary>Who approved.</summary>
    public List<string> Approvers { get; } = [];

    /// <summary>When the approval expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Why it is in its state.</summary>
    public string? Reason { get; set; }

    /// <summary>The subject of audit records about this action.</summary>
    public string Subject => Id;

    /// <summary>A snapshot; takes the lock.</summary>
    /// <returns>The record.</returns>
    public ActionRecord Snapshot()
    {
        lock (Gate)
        {
            return new ActionRecord(Id, Alert.Id, Playbook, Step.Id, Step.Action, Target, State, DecisionRule, Attempts, LastError,
                RequiredRole, ApproversNeeded, [.. Approvers], ExpiresAt, Reason);
        }
    }

    /// <summary>The request that executes the step's action.</summary>
    /// <returns>The request.</returns>
    public ActionRequest Request() => new(Id, Step.Action, Target, Alert, Step.With);

    /// <summary>The notice handed to people when this action needs them.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The notice.</returns>
    public EscalationNotice Notice(string reason) => new(Id, Alert.Id, Playbook, Step.Id, Step.Action, Target, reason);
}
