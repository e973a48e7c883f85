using System.Text.Json;

namespace Vigil.Ingest.Sources;

/// <summary>
/// Tells the format of an event file from its first bytes (after gzip decompression), never from its name.
/// A new format adds a rule here, before the JSON rules when its signature is more specific.
/// </summary>
internal static class FormatDetector
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xef, 0xbb, 0xbf];

    private static ReadOnlySpan<byte> EvtxMagic => "ElfFile\0"u8;

    /// <summary>Detects the format.</summary>
    /// <param name="head">The first bytes of the content.</param>
    /// <param name="isWholeContent">Whether <paramref name="head"/> is the whole content (the file is that short).</param>
    /// <param name="format">The detected format.</param>
    /// <param name="reason">Why the content is not readable, when the method returns false.</param>
    /// <returns>Whether a readable format was found.</returns>
    public static bool TryDetect(ReadOnlySpan<byte> head, bool isWholeContent, out EventFileFormat format, out string reason)
    {
        format = EventFileFormat.Ndjson;
        reason = string.Empty;
        if (head.StartsWith(EvtxMagic))
        {
            reason = "binary EVTX files are not supported yet; convert them with evtx_dump -o jsonl";
            return false;
        }

        var content = head.StartsWith(Utf8Bom) ? head[Utf8Bom.Length..] : head;
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            // Empty or blank: there is nothing to read whatever the format.
            return true;
        }

        content = content[start..];
        switch (content[0])
        {
            case (byte)'[':
                format = EventFileFormat.JsonArray;
                return true;
            case (byte)'{':
                format = DetectObjectStream(content, isWholeContent);
                return true;
            case (byte)'R' when Json.JsonValueBatchReader.IsRecordHeader(content):
                format = EventFileFormat.JsonConcatenated;
                return true;
            default:
                reason = string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"unrecognised content: not JSON (starts with {Convert.ToHexString(content[..Math.Min(8, content.Length)])})");
                return false;
        }
    }

    /// <summary>NDJSON when the first value fits on its first line and nothing else follows it there; otherwise a stream of values.</summary>
    private static EventFileFormat DetectObjectStream(ReadOnlySpan<byte> content, bool isWholeContent)
    {
        var reader = new Utf8JsonReader(content, isWholeContent, new JsonReaderState(new JsonReaderOptions { MaxDepth = 1024 }));
        bool complete;
        try
        {
            complete = reader.Read() && reader.TrySkip();
        }
        catch (JsonException)
        {
            // A malformed first record: reading line by line reports it and goes on with the next lines.
            return EventFileFormat.Ndjson;
        }

        if (!complete)
        {
            // The first value is longer than the sample: a long single line is NDJSON, a value spanning lines is not.
            return content.Contains((byte)'\n') ? EventFileFormat.JsonConcatenated : EventFileFormat.Ndjson;
        }

        var end = (int)reader.BytesConsumed;
        if (content[..end].Contains((byte)'\n'))
        {
            return EventFileFormat.JsonConcatenated;
        }

        var rest = content[end..];
        var newline = rest.IndexOf((byte)'\n');
        var restOfLine = newline < 0 ? rest : rest[..newline];
        return restOfLine.IndexOfAnyExcept(" \t\r"u8) >= 0 ? EventFileFormat.JsonConcatenated : EventFileFormat.Ndjson;
    }
}
