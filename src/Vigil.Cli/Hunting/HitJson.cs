using System.Text.Json;
using Vigil.Cli.Rules;
using Vigil.Core.Events;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Cli.Hunting;

/// <summary>Writes a hit as one JSON object (the <c>jsonl</c> record, documented in docs/cli.md).</summary>
internal static class HitJson
{
    /// <summary>Writes the hit.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="hit">The hit.</param>
    public static void Write(Utf8JsonWriter json, DetectionHit hit)
    {
        json.WriteStartObject();
        WriteRule(json, hit.Rule);

        json.WriteStartObject("attack");
        json.WriteStartArray("tactics");
        foreach (var tactic in hit.Attack.Tactics)
        {
            WriteIdName(json, tactic.Id, tactic.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("techniques");
        foreach (var technique in hit.Attack.Techniques)
        {
            WriteIdName(json, technique.Id, technique.Name);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WritePropertyName("matched");
        WriteMap(json, hit.Matched);
        WriteSource(json, hit.Event);
        WriteTime(json, "time", HitText.Time(hit));
        json.WritePropertyName("event");
        EventJson.Write(json, hit.Event);

        if (hit.Rule.Kind == SigmaRuleKind.Correlation || hit.CorrelatedEvents.Count > 0)
        {
            WriteCorrelation(json, hit);
        }

        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, SigmaRule rule)
    {
        json.WriteStartObject("rule");
        json.WriteString("id", rule.Id);
        json.WriteString("title", rule.Title);
        json.WriteString("level", rule.Level);
        json.WriteString("status", rule.Status);
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("kind", RuleCheckService.KindName(rule.Kind));
        json.WriteString("file", rule.File);
        json.WriteEndObject();
    }

    private static void WriteCorrelation(Utf8JsonWriter json, DetectionHit hit)
    {
        json.WriteStartObject("correlation");
        json.WritePropertyName("group");
        WriteMap(json, hit.Group);
        if (hit.Value is { } value && double.IsFinite(value))
        {
            json.WriteNumber("value", value);
        }
        else
        {
            json.WriteNull("value");
        }

        WriteTime(json, "first_time", hit.FirstTime);
        WriteTime(json, "last_time", hit.LastTime);
        json.WriteStartArray("events");
        foreach (var record in hit.CorrelatedEvents)
        {
            json.WriteStartObject();
            WriteSource(json, record);
            WriteTime(json, "time", HitText.Time(record));
            json.WritePropertyName("event");
            EventJson.Write(json, record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIdName(Utf8JsonWriter json, string id, string name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, EventRecord record)
    {
        json.WriteStartObject("source");
        json.WriteString("file", record.SourceName);
        json.WriteNumber("location", record.Location);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, HitText.Iso(time));
        }
    }

    /// <summary>Writes pairs as an object; a key given more than once gets an array of its values.</summary>
    private static void WriteMap(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        json.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            var key = pairs[i].Key;
            if (!written.Add(key))
            {
                continue;
            }

            var count = 0;
            for (var j = i; j < pairs.Count; j++)
            {
                count += string.Equals(pairs[j].Key, key, StringComparison.Ordinal) ? 1 : 0;
            }

            if (count == 1)
            {
                json.WriteString(key, pairs[i].Value);
                continue;
            }

            json.WriteStartArray(key);
            for (var j = i; j < pairs.Count; j++)
            {
                if (string.Equals(pairs[j].Key, key, StringComparison.Ordinal))
                {
                    json.WriteStringValue(pairs[j].Value);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
