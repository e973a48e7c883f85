using System.Text.Json;
using Vigil.Ingest.Enrichment.Input;

namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>
/// Reads the objects of a STIX 2.1 bundle (<c>{"type": "bundle", "objects": [...]}</c>) one at a time, with the line each
/// object starts on, into a <see cref="StixCollector"/>. Invalid JSON is reported with its line and the file is skipped.
/// </summary>
internal static class StixBundleReader
{
    public static void Read(string path, string file, StixCollector collector, ContextErrors errors)
    {
        var bytes = ContextFiles.ReadBytes(path, file, errors);
        if (bytes is null)
        {
            return;
        }

        var data = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes.AsMemory();
        var objects = new List<(JsonElement Element, int Line)>();
        string? type = null;
        try
        {
            var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions { MaxDepth = ContextLimits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new ContextError(file, 1, 0, "expected a STIX bundle: a JSON object with \"type\": \"bundle\"; the file is skipped"));
                return;
            }

            var lines = new LineCounter(data.Span);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (name == "objects" && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var line = lines.LineAt((int)reader.TokenStartIndex);
                        using var document = JsonDocument.ParseValue(ref reader);
                        objects.Add((document.RootElement.Clone(), line));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new ContextError(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, $"invalid JSON: {ex.Message}; the file is skipped"));
            return;
        }

        if (type != "bundle")
        {
            errors.Add(new ContextError(file, 1, 0, $"expected \"type\": \"bundle\", found {(type is null ? "no type" : $"'{type}'")}; the file is skipped"));
            return;
        }

        foreach (var (element, line) in objects)
        {
            collector.Add(element, file, line, errors);
        }
    }

    /// <summary>Counts line breaks up to increasing offsets, scanning each byte once.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;
        private int _line = 1;

        public int LineAt(int offset)
        {
            if (offset > _offset)
            {
                _line += _data[_offset..offset].Count((byte)'\n');
                _offset = offset;
            }

            return _line;
        }
    }
}
