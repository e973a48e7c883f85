using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Writes rule hits and model findings as OCSF Detection Findings (class 2004, one JSON object a line): the analytic
/// (rule or model, with its version and type), ATT&amp;CK, severity, the model's confidence and score, the evidence (matched
/// fields, or the explanation and its numbers) and the entities. docs/cli.md lists the mapping.
/// </summary>
internal sealed class OcsfFindingWriter(TextWriter output) : IHitWriter
{
    /// <summary>The OCSF version written.</summary>
    public const string OcsfVersion = "1.3.0";

    private const int DetectionFindingClass = 2004;
    private const int CreateActivity = 1;

    private readonly JsonObjectLines _lines = new(output);

    public void OnHit(DetectionHit hit)
    {
        var time = HitText.Time(hit);
        _lines.Write(json =>
        {
            WriteHeader(json, time, SeverityId(hit.Rule.Level));
            json.WriteStartObject("finding_info");
            json.WriteString("uid", FindingIds.Of(hit));
            json.WriteString("title", hit.Rule.Title);
            if (hit.Rule.Description is { } description)
            {
                json.WriteString("desc", description);
            }

            WriteAnalytic(json, hit.Rule.Id ?? hit.Rule.Title, hit.Rule.Title, typeId: 1, "Rule", version: null);
            WriteAttacks(json, hit.Attack);
            WriteTimes(json, hit.FirstTime ?? time, hit.LastTime ?? time);
            json.WriteEndObject();

            json.WriteStartArray("evidences");
            json.WriteStartObject();
            json.WriteStartObject("data");
            foreach (var (field, value) in hit.Matched)
            {
                json.WriteString(field, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            WriteUnmapped(json, hit.Event.SourceName, hit.Event.Location, hit.Rule.Level);
        });
    }

    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        _lines.Write(json =>
        {
            WriteHeader(json, finding.Time, SeverityId(finding.Severity));
            json.WriteNumber("confidence_score", (int)Math.Round(finding.Confidence * 100));
            json.WriteNumber("risk_score", (int)Math.Round(finding.Score));
            json.WriteStartObject("finding_info");
            json.WriteString("uid", FindingIds.Of(finding));
            json.WriteString("title", $"{finding.Model}: {finding.Explanation}");
            json.WriteString("desc", finding.Explanation);
            var learned = finding.Kind == "user-day-pca";
            WriteAnalytic(json, "model:" + finding.Model, finding.Model, learned ? 4 : 2, learned ? "Learning (ML/DL)" : "Behavioral", finding.Version);
            WriteAttacks(json, attack);
            WriteTimes(json, finding.Evidence.Count > 0 ? finding.Evidence.Min(e => e.Time) : finding.Time, finding.Time);
            json.WriteEndObject();

            json.WriteStartArray("evidences");
            json.WriteStartObject();
            if (finding.Users.Count > 0)
            {
                json.WriteStartObject("actor");
                json.WriteStartObject("user");
                json.WriteString("name", finding.Users[0].AsLogged);
                if (finding.Users[0].Canonical is { } id)
                {
                    json.WriteString("uid", id);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (finding.Hosts.Count > 0)
            {
                json.WriteStartObject("device");
                json.WriteString("hostname", finding.Hosts[0].AsLogged);
                if (finding.Hosts[0].Canonical is { } name)
                {
                    json.WriteString("name", name);
                }

                json.WriteEndObject();
            }

            if (finding.Addresses.Count > 0)
            {
                json.WriteStartObject("src_endpoint");
                json.WriteString("ip", finding.Addresses[0]);
                json.WriteEndObject();
            }

            json.WriteStartObject("data");
            foreach (var (name, value) in finding.Numbers)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("unmapped");
            json.WriteString("vigil_severity", finding.Severity);
            json.WriteStartArray("vigil_factors");
            foreach (var factor in finding.Factors)
            {
                json.WriteStringValue(factor);
            }

            json.WriteEndArray();
            json.WriteStartArray("vigil_evidence_events");
            foreach (var evidence in finding.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("file", evidence.Source);
                json.WriteNumber("location", evidence.Location);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public void Complete() => output.Flush();

    public void Dispose()
    {
    }

    private static void WriteHeader(Utf8JsonWriter json, DateTimeOffset? time, int severityId)
    {
        json.WriteNumber("class_uid", DetectionFindingClass);
        json.WriteString("class_name", "Detection Finding");
        json.WriteNumber("category_uid", 2);
        json.WriteString("category_name", "Findings");
        json.WriteNumber("activity_id", CreateActivity);
        json.WriteString("activity_name", "Create");
        json.WriteNumber("type_uid", (DetectionFindingClass * 100) + CreateActivity);
        json.WriteNumber("severity_id", severityId);
        json.WriteString("severity", SeverityName(severityId));
        json.WriteNumber("status_id", 1);
        json.WriteString("status", "New");
        json.WriteBoolean("is_alert", severityId >= 3);
        if (time is { } t)
        {
            json.WriteNumber("time", t.ToUnixTimeMilliseconds());
            json.WriteString("time_dt", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        json.WriteStartObject("metadata");
        json.WriteString("version", OcsfVersion);
        json.WriteStartObject("product");
        json.WriteString("name", "Vigil");
        json.WriteString("vendor_name", "Vigil");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAnalytic(Utf8JsonWriter json, string uid, string name, int typeId, string type, string? version)
    {
        json.WriteStartObject("analytic");
        json.WriteString("uid", uid);
        json.WriteString("name", name);
        json.WriteNumber("type_id", typeId);
        json.WriteString("type", type);
        if (version is not null)
        {
            json.WriteString("version", version);
        }

        json.WriteEndObject();
    }

    private static void WriteAttacks(Utf8JsonWriter json, AttackMapping attack)
    {
        json.WriteStartArray("attacks");
        foreach (var technique in attack.Techniques)
        {
            json.WriteStartObject();
            json.WriteStartObject("technique");
            json.WriteString("uid", technique.Id);
            json.WriteString("name", technique.Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var tactic in attack.Tactics)
        {
            json.WriteStartObject();
            json.WriteStartObject("tactic");
            json.WriteString("uid", tactic.Id);
            json.WriteString("name", tactic.Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTimes(Utf8JsonWriter json, DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is { } f)
        {
            json.WriteNumber("first_seen_time", f.ToUnixTimeMilliseconds());
        }

        if (last is { } l)
        {
            json.WriteNumber("last_seen_time", l.ToUnixTimeMilliseconds());
        }
    }

    private static void WriteUnmapped(Utf8JsonWriter json, string source, long location, string? level)
    {
        json.WriteStartObject("unmapped");
        json.WriteString("vigil_rule_level", level ?? string.Empty);
        json.WriteStartArray("vigil_evidence_events");
        json.WriteStartObject();
        json.WriteString("file", source);
        json.WriteNumber("location", location);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static int SeverityId(string? level) => level switch
    {
        "informational" => 1,
        "low" => 2,
        "medium" => 3,
        "high" => 4,
        "critical" => 5,
        _ => 0,
    };

    private static string SeverityName(int id) => id switch
    {
        1 => "Informational",
        2 => "Low",
        3 => "Medium",
        4 => "High",
        5 => "Critical",
        _ => "Unknown",
    };
}
