using System.Text.Json.Nodes;
using Vigil.Response.Playbooks;

namespace Vigil.Response.Engine;

/// <summary>The JSON both escalation webhooks send.</summary>
internal static class EscalationPayload
{
    /// <summary>Builds the payload.</summary>
    /// <param name="kind">What it is: <c>on_call</c> or <c>ticket</c>.</param>
    /// <param name="title">The headline.</param>
    /// <param name="notice">The notice.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Create(string kind, string title, EscalationNotice notice) => new()
    {
        ["kind"] = kind,
        ["title"] = title,
        ["action_id"] = notice.ActionId,
        ["alert_id"] = notice.AlertId,
        ["playbook"] = notice.Playbook,
        ["step"] = notice.StepId,
        ["action"] = ResponseActions.Name(notice.Action),
        ["target"] = notice.Target,
        ["reason"] = notice.Reason,
    };
}
