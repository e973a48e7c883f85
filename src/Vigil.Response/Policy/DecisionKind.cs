namespace Vigil.Response.Policy;

/// <summary>What the decision rights allow for one action.</summary>
public enum DecisionKind
{
    /// <summary>The action runs without a human.</summary>
    Autonomous,

    /// <summary>The action waits for approval (who, how many, until when).</summary>
    Approval,

    /// <summary>The action must not run.</summary>
    Forbidden,

    /// <summary>Shadow mode: nothing acts; the decision that enforce mode would have made is recorded.</summary>
    Shadow,
}
