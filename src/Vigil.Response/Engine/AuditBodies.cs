using System.Text.Json.Nodes;
using Vigil.Response.Integrations;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Engine;

/// <summary>The JSON bodies of the engine's audit records.</summary>
internal static class AuditBodies
{
    /// <summary>The identity of an action, the start of every body.</summary>
    /// <param name="entry">The action.</param>
    /// <returns>A new object.</returns>
    public static JsonObject Of(ActionEntry entry) => new()
    {
        ["action_id"] = entry.Id,
        ["alert_id"] = entry.Alert.Id,
        ["playbook"] = entry.Playbook,
        ["step"] = entry.Step.Id,
        ["action"] = ResponseActions.Name(entry.Step.Action),
        ["target"] = entry.Target,
    };

    /// <summary>A decision: its inputs, rule, result and what the engine does about it.</summary>
    /// <param name="entry">The action.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="outcome">What happens next.</param>
    /// <returns>The body.</returns>
    public static JsonObject Decision(ActionEntry entry, PolicyDecision decision, string outcome)
    {
        var body = Of(entry);
        var input = decision.Input;
        body["inputs"] = new JsonObject
        {
            ["confidence"] = input.Confidence,
            ["asset_tags"] = new JsonArray([.. input.AssetTags.Select(t => (JsonNode?)JsonValue.Create(t))]),
            ["asset_criticality"] = input.AssetCriticality?.ToString().ToLowerInvariant(),
            ["in_maintenance"] = input.InMaintenance,
        };
        body["rule"] = decision.RuleId;
        body["result"] = decision.Summary();
        body["reason"] = decision.Reason;
        body["outcome"] = outcome;
        return body;
    }

    /// <summary>An action's outcome.</summary>
    /// <param name="entry">The action.</param>
    /// <param name="key">The idempotency key used.</param>
    /// <param name="result">The executor's result.</param>
    /// <returns>The body.</returns>
    public static JsonObject Outcome(ActionEntry entry, string key, ActionResult result)
    {
        var body = Of(entry);
        body["idempotency_key"] = key;
        body["succeeded"] = result.Succeeded;
        body["status"] = result.StatusCode;
        body["attempts"] = result.Attempts;
        body["error"] = result.Error;
        return body;
    }

    /// <summary>An action's body with extra fields.</summary>
    /// <param name="entry">The action.</param>
    /// <param name="fields">The extra fields.</param>
    /// <returns>The body.</returns>
    public static JsonObject With(ActionEntry entry, params (string Name, JsonNode? Value)[] fields)
    {
        var body = Of(entry);
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        return body;
    }
}
