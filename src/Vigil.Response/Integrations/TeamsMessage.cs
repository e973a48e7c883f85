using System.Text.Json.Nodes;

namespace Vigil.Response.Integrations;

/// <summary>Builds Microsoft Teams incoming-webhook payloads (the legacy MessageCard format with one facts section).</summary>
internal static class TeamsMessage
{
    /// <summary>Builds a card.</summary>
    /// <param name="title">The card title (also its summary).</param>
    /// <param name="text">The card text (Markdown).</param>
    /// <param name="facts">Name and value pairs shown as facts.</param>
    /// <param name="themeColor">The accent colour as hex without '#'.</param>
    /// <returns>The payload.</returns>
    public static JsonObject Create(string title, string text, IEnumerable<KeyValuePair<string, string>>? facts = null, string themeColor = "D70000")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        var factArray = new JsonArray();
        foreach (var (name, value) in facts ?? [])
        {
            factArray.Add((JsonNode)new JsonObject { ["name"] = name, ["value"] = value });
        }

        return new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = title,
            ["themeColor"] = themeColor,
            ["title"] = title,
            ["text"] = text,
            ["sections"] = new JsonArray(new JsonObject { ["facts"] = factArray }),
        };
    }
}
