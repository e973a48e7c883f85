using System.Text.Json;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>Tells from the first bytes of a watched file how it may be cut into batches (the pipeline still detects its format).</summary>
internal static class WatchedFiles
{
    /// <summary>How many bytes of a file <see cref="Classify"/> looks at.</summary>
    public const int HeadBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xef, 0xbb, 0xbf];

    /// <summary>Classifies a file.</summary>
    /// <param name="head">The first bytes (up to <see cref="HeadBytes"/>).</param>
    /// <param name="isWholeContent">Whether <paramref name="head"/> is the whole file.</param>
    /// <param name="description">What the file looks like, for messages (<c>EVTX</c>, <c>gzip</c>, <c>JSON array</c>...).</param>
    /// <returns>The kind.</returns>
    public static WatchedFileKind Classify(ReadOnlySpan<byte> head, bool isWholeContent, out string description)
    {
        if (head.StartsWith("ElfFile\0"u8) || head.StartsWith("ElfChnk\0"u8))
        {
            description = "EVTX";
            return WatchedFileKind.Binary;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            description = "gzip";
            return WatchedFileKind.Binary;
        }

        var content = head.StartsWith(Utf8Bom) ? head[Utf8Bom.Length..] : head;
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        description = "text";
        if (start < 0)
        {
            return WatchedFileKind.Lines;
        }

        content = content[start..];
        switch (content[0])
        {
            case (byte)'[':
                description = "JSON array";
                return WatchedFileKind.Document;
            case (byte)'<' when content.Length > 1 && !char.IsAsciiDigit((char)content[1]):
                description = "XML";
                return WatchedFileKind.Document;
            case (byte)'{' when !IsOneLineValue(content, isWholeContent):
                description = "JSON document";
                return WatchedFileKind.Document;
            default:
                return WatchedFileKind.Lines;
        }
    }

    /// <summary>Gets the length of the comment lines (<c>#...</c>, as Zeek's header) a file starts with, to repeat in each part.</summary>
    /// <param name="head">The first bytes of the file.</param>
    /// <returns>The length of the complete leading lines that start with <c>#</c>.</returns>
    public static int HeaderLength(ReadOnlySpan<byte> head)
    {
        var length = 0;
        while (length < head.Length && head[length] == (byte)'#')
        {
            var end = head[length..].IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            length += end + 1;
        }

        return length;
    }

    /// <summary>Whether the JSON value that starts the content ends on its first line (NDJSON) and is not a CloudTrail wrapper.</summary>
    private static bool IsOneLineValue(ReadOnlySpan<byte> content, bool isWholeContent)
    {
        var afterBrace = content[1..];
        afterBrace = afterBrace[Math.Max(0, afterBrace.IndexOfAnyExcept(" \t\r\n"u8))..];
        if (afterBrace.Length >= 9 && System.Text.Ascii.EqualsIgnoreCase(afterBrace[..9], "\"records\""u8))
        {
            return false;
        }

        var newline = content.IndexOf((byte)'\n');
        if (newline < 0 && !isWholeContent)
        {
            // The first line is longer than the head: a long NDJSON line.
            return true;
        }

        var reader = new Utf8JsonReader(newline < 0 ? content : content[..newline], isFinalBlock: false, default);
        try
        {
            return reader.Read() && reader.TrySkip();
        }
        catch (JsonException)
        {
            // A malformed first line: read line by line, the pipeline reports it and goes on.
            return true;
        }
    }
}
