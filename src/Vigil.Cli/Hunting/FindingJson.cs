using System.Globalization;
using System.Text.Json;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;

namespace Vigil.Cli.Hunting;

/// <summary>Writes a model finding as one JSON object (the <c>jsonl</c> record of a finding, documented in docs/models.md).</summary>
internal static class FindingJson
{
    /// <summary>Writes the finding.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="finding">The finding.</param>
    /// <param name="attack">The technique names and tactics of the finding's techniques.</param>
    public static void Write(Utf8JsonWriter json, ModelFinding finding, AttackMapping attack)
    {
        json.WriteStartObject();
        json.WriteStartObject("model");
        json.WriteString("name", finding.Model);
        json.WriteString("kind", finding.Kind);
        json.WriteString("version", finding.Version);
        json.WriteEndObject();
        json.WriteString("time", finding.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("severity", finding.Severity);
        json.WriteNumber("score", finding.Score);
        json.WriteNumber("raw_score", finding.RawScore);
        json.WriteNumber("confidence", finding.Confidence);

        json.WriteStartObject("explanation");
        json.WriteString("text", finding.Explanation);
        json.WriteStartObject("numbers");
        foreach (var (name, value) in finding.Numbers)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("factors");
        foreach (var factor in finding.Factors)
        {
            json.WriteStringValue(factor);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("attack");
        json.WriteStartArray("tactics");
        foreach (var tactic in attack.Tactics)
        {
            WriteIdName(json, tactic.Id, tactic.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("techniques");
        foreach (var id in finding.Techniques)
        {
            var name = attack.Techniques.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))?.Name;
            WriteIdName(json, id, name);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("entities");
        WriteEntities(json, "users", "id", finding.Users);
        WriteEntities(json, "hosts", "name", finding.Hosts);
        json.WriteStartArray("addresses");
        foreach (var address in finding.Addresses)
        {
            json.WriteStringValue(address);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("file", evidence.Source);
            json.WriteNumber("location", evidence.Location);
            json.WriteString("time", evidence.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter json, string name, string canonicalName, IReadOnlyList<FindingEntity> entities)
    {
        json.WriteStartArray(name);
        foreach (var entity in entities)
        {
            json.WriteStartObject();
            if (entity.Canonical is null)
            {
                json.WriteNull(canonicalName);
            }
            else
            {
                json.WriteString(canonicalName, entity.Canonical);
            }

            json.WriteString("as_logged", entity.AsLogged);
            json.WriteStartObject("context");
            foreach (var (key, value) in entity.Context)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIdName(Utf8JsonWriter json, string id, string? name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        if (name is null)
        {
            json.WriteNull("name");
        }
        else
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
    }
}
