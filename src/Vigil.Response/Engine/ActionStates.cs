namespace Vigil.Response.Engine;

/// <summary>The stored names of <see cref="ActionState"/> and which states are final.</summary>
internal static class ActionStates
{
    /// <summary>The snake_case name of a state, as in audit records and APIs.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name, e.g. <c>pending_approval</c>.</returns>
    public static string Name(ActionState state) => state switch
    {
        ActionState.PendingApproval => "pending_approval",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether nothing more happens to an action in this state (except an undo of a success).</summary>
    /// <param name="state">The state.</param>
    /// <returns>True unless pending, approved or executing.</returns>
    public static bool IsFinal(ActionState state) => state is not (ActionState.PendingApproval or ActionState.Approved or ActionState.Executing);
}
