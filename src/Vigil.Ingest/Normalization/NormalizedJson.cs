using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// Writes the normalized view as OCSF-shaped JSON, as ECS-style JSON, or as a Vigil JSON line holding both the source
/// fields and the OCSF view. Dotted attribute paths become nested objects; numeric OCSF attributes (ids, ports, pids,
/// counts) are written as numbers when their text is a number.
/// </summary>
public static class NormalizedJson
{
    /// <summary>OCSF attribute paths and the ECS fields they become; the rest go under <c>vigil.ocsf</c>.</summary>
    private static readonly FrozenDictionary<string, string> EcsNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["message"] = "message",
        ["actor.user.name"] = "user.name",
        ["actor.user.domain"] = "user.domain",
        ["actor.user.uid"] = "user.id",
        ["actor.user.email_addr"] = "user.email",
        ["actor.user.full_name"] = "user.full_name",
        ["user.name"] = "user.target.name",
        ["user.domain"] = "user.target.domain",
        ["user.uid"] = "user.target.id",
        ["actor.session.uid"] = "session.id",
        ["device.hostname"] = "host.hostname",
        ["device.name"] = "host.name",
        ["device.ip"] = "host.ip",
        ["device.os.name"] = "host.os.name",
        ["src_endpoint.ip"] = "source.ip",
        ["src_endpoint.port"] = "source.port",
        ["src_endpoint.hostname"] = "source.domain",
        ["src_endpoint.location.country"] = "source.geo.country_iso_code",
        ["src_endpoint.location.city"] = "source.geo.city_name",
        ["dst_endpoint.ip"] = "destination.ip",
        ["dst_endpoint.port"] = "destination.port",
        ["dst_endpoint.hostname"] = "destination.domain",
        ["connection_info.protocol_name"] = "network.transport",
        ["traffic.bytes_out"] = "source.bytes",
        ["traffic.bytes_in"] = "destination.bytes",
        ["process.pid"] = "process.pid",
        ["process.name"] = "process.name",
        ["process.cmd_line"] = "process.command_line",
        ["process.file.path"] = "process.executable",
        ["process.uid"] = "process.entity_id",
        ["process.user.name"] = "process.user.name",
        ["process.parent_process.pid"] = "process.parent.pid",
        ["process.parent_process.file.path"] = "process.parent.executable",
        ["process.parent_process.cmd_line"] = "process.parent.command_line",
        ["process.parent_process.uid"] = "process.parent.entity_id",
        ["file.path"] = "file.path",
        ["file.name"] = "file.name",
        ["file.hashes.sha256"] = "file.hash.sha256",
        ["file.hashes.md5"] = "file.hash.md5",
        ["query.hostname"] = "dns.question.name",
        ["query.type"] = "dns.question.type",
        ["rcode"] = "dns.response_code",
        ["http_request.url.url_string"] = "url.full",
        ["http_request.http_method"] = "http.request.method",
        ["http_request.user_agent"] = "user_agent.original",
        ["http_response.code"] = "http.response.status_code",
        ["api.operation"] = "event.action",
        ["api.service.name"] = "event.provider",
        ["cloud.region"] = "cloud.region",
        ["cloud.account.uid"] = "cloud.account.id",
        ["cloud.provider"] = "cloud.provider",
        ["metadata.event_code"] = "event.code",
        ["metadata.uid"] = "event.id",
        ["metadata.product.name"] = "observer.product",
        ["metadata.product.vendor_name"] = "observer.vendor",
        ["severity"] = "event.severity_name",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>ECS event.category per OCSF category.</summary>
    private static readonly FrozenDictionary<int, string> EcsCategories = new Dictionary<int, string>
    {
        [1] = "host",
        [2] = "intrusion_detection",
        [3] = "iam",
        [4] = "network",
        [5] = "configuration",
        [6] = "web",
    }.ToFrozenDictionary();

    /// <summary>OCSF category captions by uid.</summary>
    private static readonly FrozenDictionary<int, string> Categories = new Dictionary<int, string>
    {
        [0] = "Uncategorized",
        [1] = "System Activity",
        [2] = "Findings",
        [3] = "Identity & Access Management",
        [4] = "Network Activity",
        [5] = "Discovery",
        [6] = "Application Activity",
        [7] = "Remediation",
    }.ToFrozenDictionary();

    /// <summary>Writes the OCSF object, with the source fields under <c>unmapped</c>.</summary>
    /// <param name="json">The writer, where a value goes.</param>
    /// <param name="view">The normalized view.</param>
    /// <param name="record">The source event.</param>
    public static void WriteOcsf(Utf8JsonWriter json, NormalizedEvent view, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        WriteOcsfMembers(json, view);
        json.WritePropertyName("unmapped");
        WriteSourceFields(json, record);
        json.WriteEndObject();
    }

    /// <summary>Writes an ECS-style object.</summary>
    /// <param name="json">The writer, where a value goes.</param>
    /// <param name="view">The normalized view.</param>
    /// <param name="record">The source event.</param>
    public static void WriteEcs(Utf8JsonWriter json, NormalizedEvent view, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(record);
        var attributes = new List<KeyValuePair<string, string>>();
        if (view.TimeTicks > 0)
        {
            attributes.Add(new("@timestamp", FormatTime(view.TimeTicks)));
        }

        attributes.Add(new("event.kind", "event"));
        attributes.Add(new("event.module", view.Source ?? "unknown"));
        attributes.Add(new("event.dataset", view.Source ?? "unknown"));
        if (EcsCategories.TryGetValue(view.ClassUid / 1000, out var category) && view.ClassUid > 0)
        {
            attributes.Add(new("event.category", view.ClassUid == 3002 ? "authentication" : view.ClassUid == 1007 ? "process" : view.ClassUid == 1001 ? "file" : category));
        }

        attributes.Add(new("event.outcome", view.Status switch { "Success" => "success", "Failure" => "failure", _ => "unknown" }));
        var taken = new HashSet<string>(attributes.Select(a => a.Key), StringComparer.Ordinal);
        foreach (var (path, value) in view.Attributes)
        {
            if (path == "time")
            {
                continue;
            }

            var target = EcsNames.TryGetValue(path, out var ecs) ? ecs : "vigil.ocsf." + path;
            if (taken.Add(target))
            {
                attributes.Add(new(target, value));
            }
        }

        attributes.Add(new("vigil.ocsf.class_uid", view.ClassUid.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new("vigil.ocsf.class_name", view.ClassName));
        WriteNested(json, attributes, extra: null);
    }

    /// <summary>Writes a Vigil JSON line: where the event came from, its source fields, and its OCSF view.</summary>
    /// <param name="json">The writer, where a value goes.</param>
    /// <param name="view">The normalized view.</param>
    /// <param name="record">The source event.</param>
    public static void WriteJsonl(Utf8JsonWriter json, NormalizedEvent view, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        json.WriteString("source_type", view.Source ?? "unknown");
        json.WriteStartObject("location");
        json.WriteString("file", record.SourceName);
        json.WriteNumber("line", record.Location);
        json.WriteEndObject();
        json.WritePropertyName("fields");
        WriteSourceFields(json, record);
        json.WriteStartObject("ocsf");
        WriteOcsfMembers(json, view);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOcsfMembers(Utf8JsonWriter json, NormalizedEvent view)
    {
        var categoryUid = view.ClassUid / 1000;
        var attributes = new List<KeyValuePair<string, string>>
        {
            new("class_uid", view.ClassUid.ToString(CultureInfo.InvariantCulture)),
            new("class_name", view.ClassName),
            new("category_uid", categoryUid.ToString(CultureInfo.InvariantCulture)),
            new("category_name", Categories.GetValueOrDefault(categoryUid, "Other")),
            new("activity_id", view.ActivityId.ToString(CultureInfo.InvariantCulture)),
            new("type_uid", (((long)view.ClassUid * 100) + view.ActivityId).ToString(CultureInfo.InvariantCulture)),
            new("severity_id", "1"),
        };
        if (view.TimeTicks > 0)
        {
            attributes.Add(new("time", ((view.TimeTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)));
            attributes.Add(new("time_dt", FormatTime(view.TimeTicks)));
        }

        if (view.Status is not null)
        {
            attributes.Add(new("status", view.Status));
            attributes.Add(new("status_id", view.StatusId.ToString(CultureInfo.InvariantCulture)));
        }

        attributes.Add(new("metadata.log_name", view.Source ?? "unknown"));
        attributes.Add(new("metadata.version", "1.3.0"));
        foreach (var attribute in view.Attributes)
        {
            if (attribute.Key is not "time")
            {
                attributes.Add(attribute);
            }
        }

        WriteMembers(json, attributes);
    }

    private static string FormatTime(long ticks)
        => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the source fields as a flat object (a repeated name gives an array).</summary>
    private static void WriteSourceFields(Utf8JsonWriter json, EventRecord record)
    {
        var order = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < record.FieldCount; i++)
        {
            var name = record.NameAt(i).ToString();
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
                order.Add(name);
            }

            list.Add(record.ValueAt(i).ToString());
        }

        json.WriteStartObject();
        foreach (var name in order)
        {
            var list = values[name];
            if (list.Count == 1)
            {
                json.WriteString(name, list[0]);
            }
            else
            {
                json.WriteStartArray(name);
                foreach (var value in list)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteNested(Utf8JsonWriter json, List<KeyValuePair<string, string>> attributes, string? extra)
    {
        _ = extra;
        json.WriteStartObject();
        WriteMembers(json, attributes);
        json.WriteEndObject();
    }

    /// <summary>Writes dotted paths as nested members of the object being written (sorted so that siblings are together).</summary>
    private static void WriteMembers(Utf8JsonWriter json, List<KeyValuePair<string, string>> attributes)
    {
        var sorted = attributes
            .Select((a, i) => (Parts: a.Key.Split('.'), a.Value, Order: i))
            .OrderBy(a => a.Parts, PathComparer.Instance)
            .ToList();
        var open = new List<string>();
        foreach (var (parts, value, _) in sorted)
        {
            var common = 0;
            while (common < open.Count && common < parts.Length - 1 && string.Equals(open[common], parts[common], StringComparison.Ordinal))
            {
                common++;
            }

            while (open.Count > common)
            {
                json.WriteEndObject();
                open.RemoveAt(open.Count - 1);
            }

            for (var i = common; i < parts.Length - 1; i++)
            {
                json.WriteStartObject(parts[i]);
                open.Add(parts[i]);
            }

            WriteScalar(json, parts[^1], value);
        }

        for (var i = 0; i < open.Count; i++)
        {
            json.WriteEndObject();
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, string name, string value)
    {
        if (IsNumeric(name) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static bool IsNumeric(string name)
        => name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_uid", StringComparison.Ordinal)
            || name is "port" or "pid" or "count" or "time" or "bytes" or "bytes_in" or "bytes_out" or "packets" or "code" or "severity_id";

    /// <summary>Orders paths segment by segment so that members of one object are adjacent, keeping first-set order otherwise.</summary>
    private sealed class PathComparer : IComparer<string[]>
    {
        public static readonly PathComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
