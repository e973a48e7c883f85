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

    private static ReadOnlySpan<byte> EvtxChunkMagic => "ElfChnk\0"u8;

    private static readonly System.Buffers.SearchValues<byte> Digits = System.Buffers.SearchValues.Create("0123456789"u8);

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
        if (head.StartsWith(EvtxMagic) || head.StartsWith(EvtxChunkMagic))
        {
            format = EventFileFormat.Evtx;
            return true;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xff, 0xfe]) || head.StartsWith((ReadOnlySpan<byte>)[0xfe, 0xff]))
        {
            reason = "UTF-16 text is not supported; convert the file to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)";
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
        var newline = content.IndexOf((byte)'\n');
        var firstLine = newline < 0 ? content : content[..newline];
        switch (content[0])
        {
            case (byte)'[':
                format = EventFileFormat.JsonArray;
                return true;
            case (byte)'{':
                format = IsCloudTrailFile(content) ? EventFileFormat.CloudTrail : DetectObjectStream(content, isWholeContent);
                return true;
            case (byte)'R' when Json.JsonStreamBatchReader.IsRecordHeader(content):
                format = EventFileFormat.JsonConcatenated;
                return true;
            case (byte)'<' when content.StartsWith("<?xml"u8) || content.StartsWith("<Event"u8):
                format = EventFileFormat.WindowsXml;
                return true;
            case (byte)'#' when content.StartsWith("#separator"u8) || content.StartsWith("#fields"u8):
                format = EventFileFormat.ZeekTsv;
                return true;
        }

        // Text lines: CEF and LEEF may follow a syslog header, so they are looked for before syslog.
        if (firstLine.IndexOf("CEF:"u8) >= 0)
        {
            format = EventFileFormat.Cef;
            return true;
        }

        if (firstLine.IndexOf("LEEF:"u8) >= 0)
        {
            format = EventFileFormat.Leef;
            return true;
        }

        if ((firstLine.StartsWith("type="u8) || firstLine.StartsWith("node="u8)) && firstLine.IndexOf(" msg=audit("u8) > 0)
        {
            format = EventFileFormat.Auditd;
            return true;
        }

        if (LooksLikeSyslog(firstLine))
        {
            format = EventFileFormat.Syslog;
            return true;
        }

        reason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"unrecognised content: not JSON, EVTX, Windows XML, syslog, CEF, LEEF, Zeek or auditd (starts with {Convert.ToHexString(content[..Math.Min(8, content.Length)])}); force a format with --format");
        return false;
    }

    /// <summary>
    /// A CloudTrail log file is one object whose first member is <c>Records</c>, an array; Azure diagnostic settings write
    /// the same wrapper as <c>records</c>, so the name is matched ignoring ASCII case.
    /// </summary>
    private static bool IsCloudTrailFile(ReadOnlySpan<byte> content)
    {
        var rest = content[1..];
        rest = rest[Math.Max(0, rest.IndexOfAnyExcept(" \t\r\n"u8))..];
        if (rest.Length < "\"Records\"".Length || !System.Text.Ascii.EqualsIgnoreCase(rest[.."\"Records\"".Length], "\"Records\""u8))
        {
            return false;
        }

        rest = rest["\"Records\""u8.Length..];
        var colon = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (colon < 0 || rest[colon] != (byte)':')
        {
            return false;
        }

        rest = rest[(colon + 1)..];
        var bracket = rest.IndexOfAnyExcept(" \t\r\n"u8);
        return bracket >= 0 && rest[bracket] == (byte)'[';
    }

    /// <summary>
    /// A syslog line starts with a priority (<c>&lt;13&gt;</c>), an RFC 3164 month (<c>Jan 12 </c>) or an ISO 8601 time
    /// (<c>2024-01-12T</c>, as rsyslog's high-precision template writes).
    /// </summary>
    private static bool LooksLikeSyslog(ReadOnlySpan<byte> line)
    {
        if (line.Length > 2 && line[0] == (byte)'<')
        {
            var close = line[..Math.Min(line.Length, 6)].IndexOf((byte)'>');
            return close > 1 && line[1..close].IndexOfAnyExcept(Digits) < 0;
        }

        if (line.Length >= 4 && line[3] == (byte)' ')
        {
            ReadOnlySpan<string> months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            foreach (var month in months)
            {
                if (line[0] == month[0] && line[1] == month[1] && line[2] == month[2])
                {
                    return true;
                }
            }
        }

        return line.Length >= 11 && line[4] == (byte)'-' && line[7] == (byte)'-' && line[10] == (byte)'T'
            && line[..4].IndexOfAnyExcept(Digits) < 0;
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
