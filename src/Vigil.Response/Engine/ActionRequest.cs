using Vigil.Response.Playbooks;

namespace Vigil.Response.Engine;

/// <summary>One action to execute.</summary>
/// <param name="IdempotencyKey">The stable key the receiver dedupes on (the action id, or the action id with <c>:undo</c>).</param>
/// <param name="Action">The action.</param>
/// <param name="Target">The expanded target.</param>
/// <param name="Alert">The alert it responds to.</param>
/// <param name="Parameters">The step's <c>with</c> parameters.</param>
internal sealed record ActionRequest(
    string IdempotencyKey,
    ResponseAction Action,
    string Target,
    ResponseAlert Alert,
    IReadOnlyDictionary<string, string> Parameters);
