using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Writers;

/// <summary>
/// Writes one CloudTrail file, <c>{"Records":[ ... ]}</c>, with one record per line (CloudTrail writes the whole file on
/// one line; the line breaks only make it easier to read and diff).
/// </summary>
internal sealed class CloudTrailWriter : EventFileWriter<CloudTrailEvent>
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private bool _first = true;

    /// <summary>Opens the file.</summary>
    public CloudTrailWriter(string path)
        : base(path) => _json = new Utf8JsonWriter(_buffer, Options);

    /// <inheritdoc />
    protected override void RenderHeader(StringBuilder text) => text.Append("{\"Records\":[");

    /// <inheritdoc />
    protected override void RenderFooter(StringBuilder text) => text.Append("\n]}\n");

    /// <inheritdoc />
    protected override void Render(CloudTrailEvent item, StringBuilder text)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        WriteRecord(_json, item);
        _json.Flush();
        text.Append(_first ? "\n" : ",\n").Append(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _first = false;
    }

    private static void WriteRecord(Utf8JsonWriter json, CloudTrailEvent e)
    {
        var id = e.Identity;
        json.WriteStartObject();
        json.WriteString("eventVersion", "1.09");
        json.WriteStartObject("userIdentity");
        json.WriteString("type", id.Type);
        json.WriteString("principalId", id.PrincipalId);
        if (id.Arn.Length > 0)
        {
            json.WriteString("arn", id.Arn);
        }

        json.WriteString("accountId", CloudIdentity.AccountId);
        if (e.AccessKeyId is not null)
        {
            json.WriteString("accessKeyId", e.AccessKeyId);
        }

        if (id.UserName is not null)
        {
            json.WriteString("userName", id.UserName);
        }

        if (id.Type == "AssumedRole")
        {
            // The session issuer (the role) is left out: Vigil's map would name the role instead of the person.
            json.WriteStartObject("sessionContext");
            json.WriteStartObject("attributes");
            json.WriteString("creationDate", SimTime.Iso(e.Ticks));
            json.WriteString("mfaAuthenticated", "true");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("eventTime", SimTime.Iso(e.Ticks));
        json.WriteString("eventSource", e.EventSource);
        json.WriteString("eventName", e.EventName);
        json.WriteString("awsRegion", e.Region);
        json.WriteString("sourceIPAddress", e.SourceIp);
        json.WriteString("userAgent", e.UserAgent);
        if (e.ErrorCode is not null)
        {
            json.WriteString("errorCode", e.ErrorCode);
        }

        if (e.ErrorMessage is not null)
        {
            json.WriteString("errorMessage", e.ErrorMessage);
        }

        WriteObject(json, "requestParameters", e.RequestParameters);
        WriteObject(json, "responseElements", e.ResponseElements);
        if (e.AdditionalData is not null)
        {
            WriteObject(json, "additionalEventData", e.AdditionalData);
        }

        json.WriteString("eventID", e.EventId);
        json.WriteBoolean("readOnly", e.ReadOnly);
        json.WriteString("eventType", e.EventType);
        json.WriteBoolean("managementEvent", e.EventType != "AwsApiCall" || e.EventSource != "s3.amazonaws.com");
        json.WriteString("recipientAccountId", CloudIdentity.AccountId);
        json.WriteString("eventCategory", e.EventType == "AwsApiCall" && e.EventSource == "s3.amazonaws.com" ? "Data" : "Management");
        json.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter json, string name, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
        }

        base.Dispose(disposing);
    }
}
