using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Core.Events;

namespace Vigil.Ingest.Parsers.Json;

/// <summary>
/// Flattens one JSON object into an <see cref="EventRecord"/> straight from a <see cref="Utf8JsonReader"/>: nested objects
/// give dotted names (<c>userIdentity.type</c>), arrays one entry per element under the same name (<c>resources.ARN</c>
/// for arrays of objects), strings unescaped, numbers as their JSON text (<see cref="FieldValueKind.Number"/>), booleans as
/// <c>true</c>/<c>false</c>, null as an empty <see cref="FieldValueKind.Null"/> value. Names and values are decoded into
/// reusable pooled char buffers, so nothing is allocated per field or per event. Windows events written by
/// <c>evtx_dump</c> (<c>{"Event": {"System": ..., "EventData": ...}}</c>) get flat names, see the Evtx part.
/// Invalid UTF-8 is reported as a <see cref="JsonException"/> whose <see cref="JsonException.LineNumber"/> is null and
/// whose <see cref="JsonException.BytePositionInLine"/> is the byte offset in the input. Not thread-safe.
/// </summary>
internal sealed partial class JsonFlattener : IDisposable
{
    private const int InitialNameChars = 256;
    private const int InitialValueChars = 4096;

    private char[] _name = ArrayPool<char>.Shared.Rent(InitialNameChars);
    private char[] _value = ArrayPool<char>.Shared.Rent(InitialValueChars);
    private readonly FieldIdCache _ids = new();
    private EventRecord _record = null!;

    /// <summary>Flattens the object the reader stands on (its <see cref="JsonTokenType.StartObject"/>) and leaves the reader on its end.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="record">The record to add fields to (already reset).</param>
    public void Flatten(ref Utf8JsonReader reader, EventRecord record)
    {
        _record = record;
        _ids.StartEvent(record.Schema);
        _unnamedData = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Cheap length test first: this runs for every top-level member of every event.
            var nameBytes = reader.ValueSpan.Length;
            if (nameBytes is not (5 or 16) && !reader.ValueIsEscaped)
            {
                var length = ReadName(ref reader, 0);
                reader.Read();
                FlattenValue(ref reader, length);
                continue;
            }

            if (reader.ValueTextEquals("Event"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && IsEvtxEvent(reader))
                {
                    FlattenEvtxEvent(ref reader);
                    continue;
                }

                "Event".CopyTo(_name);
                FlattenValue(ref reader, "Event".Length);
                continue;
            }

            if (reader.ValueTextEquals("Event_attributes"u8))
            {
                // evtx_dump --separate-json-attributes: the xmlns of <Event>.
                reader.Read();
                reader.Skip();
                continue;
            }

            var end = ReadName(ref reader, 0);
            reader.Read();
            FlattenValue(ref reader, end);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_name.Length == 0)
        {
            return;
        }

        _ids.Dispose();
        ArrayPool<char>.Shared.Return(_name);
        ArrayPool<char>.Shared.Return(_value);
        _name = [];
        _value = [];
        ReturnDataBuffer();
    }

    /// <summary>Adds the value the reader stands on under the name in <c>_name[..nameLength]</c>.</summary>
    private void FlattenValue(ref Utf8JsonReader reader, int nameLength)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                EnsureName(nameLength + 1);
                _name[nameLength] = '.';
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var length = ReadName(ref reader, nameLength + 1);
                    reader.Read();
                    FlattenValue(ref reader, length);
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    FlattenValue(ref reader, nameLength);
                }

                break;
            default:
                AddScalar(ref reader, 0, nameLength);
                break;
        }
    }

    /// <summary>Adds the scalar the reader stands on under <c>_name[nameStart..nameEnd]</c>.</summary>
    private void AddScalar(ref Utf8JsonReader reader, int nameStart, int nameEnd)
    {
        var name = _name.AsSpan(nameStart, nameEnd - nameStart);
        var id = _ids.Resolve(name);
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.Number:
                // Decode first: decoding may replace the value buffer by a larger one.
                var length = DecodeString(ref reader, ref _value, 0);
                var kind = reader.TokenType == JsonTokenType.String ? FieldValueKind.String : FieldValueKind.Number;
                _record.Add(id, name, _value.AsSpan(0, length), kind);
                break;
            case JsonTokenType.True:
                _record.Add(id, name, "true", FieldValueKind.True);
                break;
            case JsonTokenType.False:
                _record.Add(id, name, "false", FieldValueKind.False);
                break;
            case JsonTokenType.Null:
                _record.Add(id, name, [], FieldValueKind.Null);
                break;
            default:
                // Objects and arrays are handled by the callers; anything else cannot stand here in valid JSON.
                throw new JsonException($"unexpected {reader.TokenType} token", null, null, reader.TokenStartIndex);
        }
    }

    /// <summary>Decodes the property name the reader stands on into <c>_name[at..]</c>; returns the end of the name.</summary>
    private int ReadName(ref Utf8JsonReader reader, int at)
    {
        // Room for the name plus the suffixes and separators the callers append.
        EnsureName(at + reader.ValueSpan.Length + 32);
        return at + DecodeString(ref reader, ref _name, at);
    }

    /// <summary>
    /// Decodes the string, property name or number token the reader stands on into <paramref name="buffer"/> at
    /// <paramref name="at"/>, growing the buffer when needed; returns the number of chars written.
    /// </summary>
    private static int DecodeString(ref Utf8JsonReader reader, ref char[] buffer, int at)
    {
        var source = reader.ValueSpan;
        if (buffer.Length - at < source.Length)
        {
            Grow(ref buffer, at + source.Length, at);
        }

        if (!reader.ValueIsEscaped)
        {
            var status = Utf8.ToUtf16(source, buffer.AsSpan(at), out _, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new JsonException("invalid UTF-8 in a string", null, null, reader.TokenStartIndex);
            }

            return written;
        }

        try
        {
            return reader.CopyString(buffer.AsSpan(at));
        }
        catch (InvalidOperationException ex)
        {
            // CopyString reports invalid UTF-8 and unpaired surrogate escapes this way.
            throw new JsonException($"invalid string: {ex.Message}", null, null, reader.TokenStartIndex, ex);
        }
    }

    private void EnsureName(int length)
    {
        if (_name.Length < length)
        {
            Grow(ref _name, length, _name.Length);
        }
    }

    /// <summary>Replaces a pooled buffer by a larger one, keeping its first <paramref name="keep"/> chars.</summary>
    private static void Grow(ref char[] buffer, int length, int keep)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(length, buffer.Length * 2));
        buffer.AsSpan(0, Math.Min(keep, buffer.Length)).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
