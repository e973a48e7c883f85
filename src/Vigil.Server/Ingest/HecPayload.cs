using System.Text.Json;

namespace Vigil.Server.Ingest;

/// <summary>
/// Turns a Splunk HEC <c>/services/collector/event</c> body (one or more concatenated JSON objects, each with an
/// <c>event</c>) into NDJSON: an object event is kept as it is, with HEC's <c>host</c>, <c>source</c>, <c>sourcetype</c>
/// and <c>time</c> added under those names when the event lacks them; a string event becomes <c>{"message": ...}</c>
/// with the same metadata. An object without <c>event</c> is an error, as in Splunk (code 12), naming its number.
/// </summary>
internal static class HecPayload
{
    private static readonly string[] Metadata = ["host", "source", "sourcetype", "time", "index"];

    /// <summary>Converts a body.</summary>
    /// <param name="body">The HEC body.</param>
    /// <param name="ndjson">The events as NDJSON.</param>
    /// <param name="events">How many.</param>
    /// <param name="error">Why it failed: (HEC code, text, 0-based event number).</param>
    /// <returns>True when every object was an event.</returns>
    public static bool TryConvert(byte[] body, out byte[] ndjson, out int events, out (int Code, string Text, int Index) error)
    {
        ndjson = [];
        events = 0;
        error = default;
        using var output = new MemoryStream(body.Length + 256);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    error = (6, "Invalid data format", events);
                    return false;
                }

                using var document = JsonDocument.ParseValue(ref reader);
                if (!document.RootElement.TryGetProperty("event", out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    error = (12, "Event field is required", events);
                    return false;
                }

                if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0)
                {
                    error = (13, "Event field cannot be blank", events);
                    return false;
                }

                Write(output, document.RootElement, value);
                events++;
            }
        }
        catch (JsonException)
        {
            error = (6, "Invalid data format", events);
            return false;
        }

        if (events == 0)
        {
            error = (5, "No data", 0);
            return false;
        }

        ndjson = output.ToArray();
        return true;
    }

    private static void Write(MemoryStream output, JsonElement envelope, JsonElement value)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }
            else
            {
                writer.WritePropertyName("message");
                if (value.ValueKind == JsonValueKind.String)
                {
                    writer.WriteStringValue(value.GetString());
                }
                else
                {
                    writer.WriteStringValue(value.GetRawText());
                }
            }

            foreach (var name in Metadata)
            {
                if (envelope.TryGetProperty(name, out var meta) && !(value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out _)))
                {
                    writer.WritePropertyName(name);
                    meta.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Counts the lines of a raw body (events, for the backlog estimate).</summary>
    /// <param name="body">The bytes.</param>
    /// <returns>The number of non-empty lines.</returns>
    public static int CountLines(ReadOnlySpan<byte> body)
    {
        var count = 0;
        foreach (var range in body.Split((byte)'\n'))
        {
            if (!body[range].Trim(" \t\r"u8).IsEmpty)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A HEC JSON answer.</summary>
    /// <param name="code">The HEC code.</param>
    /// <param name="text">The text.</param>
    /// <returns>The JSON text.</returns>
    public static string Answer(int code, string text) => $"{{\"text\":{JsonSerializer.Serialize(text)},\"code\":{code}}}";
}
