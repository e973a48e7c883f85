using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Cli.Hunting;

/// <summary>Writes an event as JSON: its raw JSON when it has some, otherwise an object built from its fields.</summary>
internal static class EventJson
{
    /// <summary>Writes the event value.</summary>
    /// <param name="json">The writer, positioned where a value goes.</param>
    /// <param name="record">The event.</param>
    public static void Write(Utf8JsonWriter json, EventRecord record)
    {
        var raw = record.Raw;
        if (!raw.IsEmpty && IsJson(raw))
        {
            if (raw.IndexOfAny((byte)'\n', (byte)'\r') < 0)
            {
                json.WriteRawValue(raw, skipInputValidation: true);
            }
            else
            {
                // Pretty-printed source JSON: re-write it compact so that a JSON-lines record stays on one line.
                using var document = JsonDocument.Parse(raw.ToArray());
                document.WriteTo(json);
            }

            return;
        }

        WriteFields(json, record);
    }

    /// <summary>Writes the fields of an event as a flat object; a name repeated (array elements) gives an array.</summary>
    /// <param name="json">The writer, positioned where a value goes.</param>
    /// <param name="record">The event.</param>
    public static void WriteFields(Utf8JsonWriter json, EventRecord record)
    {
        var entriesByName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var i = 0; i < record.FieldCount; i++)
        {
            var name = record.NameAt(i).ToString();
            if (!entriesByName.TryGetValue(name, out var entries))
            {
                entries = [];
                entriesByName.Add(name, entries);
                names.Add(name);
            }

            entries.Add(i);
        }

        json.WriteStartObject();
        foreach (var name in names)
        {
            json.WritePropertyName(name);
            var entries = entriesByName[name];
            if (entries.Count == 1)
            {
                WriteValue(json, record, entries[0]);
                continue;
            }

            json.WriteStartArray();
            foreach (var entry in entries)
            {
                WriteValue(json, record, entry);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, EventRecord record, int entry)
    {
        var value = record.ValueAt(entry);
        switch (record.KindAt(entry))
        {
            case FieldValueKind.Number when IsJsonNumber(value):
                json.WriteRawValue(value, skipInputValidation: true);
                break;
            case FieldValueKind.True:
                json.WriteBooleanValue(true);
                break;
            case FieldValueKind.False:
                json.WriteBooleanValue(false);
                break;
            case FieldValueKind.Null:
                json.WriteNullValue();
                break;
            default:
                json.WriteStringValue(value);
                break;
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw);
        try
        {
            while (reader.Read())
            {
            }

            return reader.TokenType != JsonTokenType.None;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Returns whether <paramref name="text"/> is a JSON number (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>True for a JSON number.</returns>
    internal static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var start = i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
