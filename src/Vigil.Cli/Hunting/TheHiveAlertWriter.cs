using System.Net;
using System.Text;
using System.Text.Json;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Writes rule hits and model findings as TheHive 5 alerts (the body of <c>POST /api/v1/alert</c>, one JSON object a
/// line): type, source and a stable sourceRef (TheHive refuses a second alert with the same three, so a retried export
/// does not duplicate), title, a Markdown description, severity 1-4, tags, TLP/PAP amber, observables and ATT&amp;CK
/// procedures.
/// </summary>
internal sealed class TheHiveAlertWriter(TextWriter output) : IHitWriter
{
    private const int Amber = 2;

    private readonly JsonObjectLines _lines = new(output);

    public void OnHit(DetectionHit hit)
    {
        var time = HitText.Time(hit) ?? DateTimeOffset.UnixEpoch;
        var description = new StringBuilder()
            .Append("**Rule** ").Append(hit.Rule.Title).Append(" (`").Append(hit.Rule.Id ?? "no id").Append("`, level ").Append(hit.Rule.Level ?? "none").Append(")\n\n")
            .Append(hit.Rule.Description is { } d ? d + "\n\n" : string.Empty)
            .Append("**Matched**\n\n");
        foreach (var (field, value) in hit.Matched)
        {
            description.Append("- `").Append(field).Append("`: `").Append(value.Replace('`', '\'')).Append("`\n");
        }

        description.Append("\n**Event** ").Append(hit.Event.SourceName).Append(" at ").Append(hit.Event.Location).Append('\n');
        _lines.Write(json =>
        {
            WriteHeader(json, "sigma", FindingIds.Of(hit), hit.Rule.Title, description.ToString(), Severity(hit.Rule.Level), time, hit.Rule.Tags);
            json.WriteStartArray("observables");
            foreach (var (field, value) in hit.Matched.DistinctBy(m => m.Value, StringComparer.Ordinal).Take(50))
            {
                WriteObservable(json, IPAddress.TryParse(value, out _) ? "ip" : "other", value, field);
            }

            json.WriteEndArray();
            WriteProcedures(json, hit.Attack, time);
        });
    }

    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        var description = new StringBuilder()
            .Append("**Model** ").Append(finding.Model).Append(" (").Append(finding.Kind).Append(", version ").Append(finding.Version).Append(")\n\n")
            .Append(finding.Explanation).Append("\n\n")
            .Append("**Score** ").Append(finding.Score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", confidence ").Append(finding.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append("\n\n");
        foreach (var factor in finding.Factors)
        {
            description.Append("- ").Append(factor).Append('\n');
        }

        description.Append("\n**Evidence**\n\n");
        foreach (var evidence in finding.Evidence)
        {
            description.Append("- ").Append(evidence.Source).Append(" at ").Append(evidence.Location).Append('\n');
        }

        _lines.Write(json =>
        {
            WriteHeader(json, "behaviour", FindingIds.Of(finding), $"{finding.Model}: {finding.Explanation}", description.ToString(), Severity(finding.Severity),
                finding.Time, ["model:" + finding.Model]);
            json.WriteStartArray("observables");
            foreach (var user in finding.Users)
            {
                WriteObservable(json, "other", user.Canonical ?? user.AsLogged, "user (as logged: " + user.AsLogged + ")");
            }

            foreach (var host in finding.Hosts)
            {
                WriteObservable(json, "hostname", host.Canonical ?? host.AsLogged, "host");
            }

            foreach (var address in finding.Addresses)
            {
                WriteObservable(json, "ip", address, "address");
            }

            json.WriteEndArray();
            WriteProcedures(json, attack, finding.Time);
        });
    }

    public void Complete() => output.Flush();

    public void Dispose()
    {
    }

    private static void WriteHeader(Utf8JsonWriter json, string type, string sourceRef, string title, string description, int severity, DateTimeOffset time, IEnumerable<string> tags)
    {
        json.WriteString("type", type);
        json.WriteString("source", "vigil");
        json.WriteString("sourceRef", sourceRef);
        json.WriteString("title", title.Length <= 512 ? title : string.Concat(title.AsSpan(0, 511), "…"));
        json.WriteString("description", description);
        json.WriteNumber("severity", severity);
        json.WriteNumber("date", time.ToUnixTimeMilliseconds());
        json.WriteNumber("tlp", Amber);
        json.WriteNumber("pap", Amber);
        json.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
    }

    private static void WriteObservable(Utf8JsonWriter json, string dataType, string data, string message)
    {
        json.WriteStartObject();
        json.WriteString("dataType", dataType);
        json.WriteString("data", data);
        json.WriteString("message", message);
        json.WriteEndObject();
    }

    private static void WriteProcedures(Utf8JsonWriter json, AttackMapping attack, DateTimeOffset time)
    {
        json.WriteStartArray("procedures");
        foreach (var technique in attack.Techniques)
        {
            json.WriteStartObject();
            json.WriteString("patternId", technique.Id);
            json.WriteNumber("occurDate", time.ToUnixTimeMilliseconds());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>TheHive's severities: 1 low, 2 medium, 3 high, 4 critical (informational counts as low).</summary>
    private static int Severity(string? level) => level switch
    {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        _ => 1,
    };
}
