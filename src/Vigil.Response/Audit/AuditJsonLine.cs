using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Response.Audit;

/// <summary>Formats one audit record as a single-line JSON object for export.</summary>
internal static class AuditJsonLine
{
    /// <summary>Formats a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text, without a line end.</returns>
    public static string Format(AuditRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", record.Seq);
            json.WriteString("time", record.Time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteNumber("time_ms", record.TimeMs);
            json.WriteString("kind", AuditKindNames.ToName(record.Kind));
            json.WriteString("actor", record.Actor);
            json.WriteString("subject", record.Subject);
            json.WritePropertyName("body");
            json.WriteRawValue(record.Body, skipInputValidation: false);
            json.WriteString("prev_hash", record.PrevHash);
            json.WriteString("hash", record.Hash);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
