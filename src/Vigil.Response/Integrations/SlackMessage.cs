using System.Text.Json.Nodes;

namespace Vigil.Response.Integrations;

/// <summary>Builds Slack incoming-webhook payloads (<c>text</c> plus Block Kit sections; Mattermost accepts the same).</summary>
internal static class SlackMessage
{
    /// <summary>Builds a message: the text as fallback and a header section, then one field per fact.</summary>
    /// <param name="text">The message (Slack mrkdwn).</param>
    /// <param name="facts">Name and value pairs shown as fields (Slack shows at most 10).</param>
    /// <returns>The payload.</returns>
    public static JsonObject Create(string text, IEnumerable<KeyValuePair<string, string>>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text },
        });
        var fields = new JsonArray();
        foreach (var (name, value) in (facts ?? []).Take(10))
        {
            fields.Add((JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{name}*\n{value}" });
        }

        if (fields.Count > 0)
        {
            blocks.Add((JsonNode)new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        return new JsonObject { ["text"] = text, ["blocks"] = blocks };
    }
}
