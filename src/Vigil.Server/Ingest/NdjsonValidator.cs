using System.Text.Json;

namespace Vigil.Server.Ingest;

/// <summary>
/// Checks an NDJSON body line by line before it is journaled: each non-empty line must be one JSON object. Bad lines are
/// reported (line number and reason) and left out; the good ones are kept in order.
/// </summary>
internal static class NdjsonValidator
{
    /// <summary>The most rejected lines described in an answer.</summary>
    public const int MaxReported = 20;

    /// <summary>Validates a body.</summary>
    /// <param name="body">The bytes.</param>
    /// <returns>The good lines joined by newlines, how many there are, and the bad ones.</returns>
    public static (byte[] Valid, int Events, List<RejectedLine> Rejected, int RejectedCount) Validate(byte[] body)
    {
        var rejected = new List<RejectedLine>();
        var rejectedCount = 0;
        using var valid = new MemoryStream(body.Length);
        var events = 0;
        var line = 0;
        var start = 0;
        var span = body.AsSpan();
        while (start < span.Length)
        {
            line++;
            var end = span[start..].IndexOf((byte)'\n');
            var length = end < 0 ? span.Length - start : end;
            var text = span.Slice(start, length).TrimEnd((byte)'\r');
            start += length + 1;
            if (text.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var reason = Check(text);
            if (reason is null)
            {
                valid.Write(text);
                valid.WriteByte((byte)'\n');
                events++;
            }
            else
            {
                rejectedCount++;
                if (rejected.Count < MaxReported)
                {
                    rejected.Add(new RejectedLine(line, reason));
                }
            }
        }

        return (valid.ToArray(), events, rejected, rejectedCount);
    }

    private static string? Check(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            reader.Skip();
            return reader.Read() ? "more than one JSON value on the line" : null;
        }
        catch (JsonException ex)
        {
            return "not valid JSON: " + ex.Message;
        }
    }
}
