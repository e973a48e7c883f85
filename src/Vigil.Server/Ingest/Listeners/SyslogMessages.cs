namespace Vigil.Server.Ingest.Listeners;

/// <summary>Turns one received syslog message into one journal line.</summary>
internal static class SyslogMessages
{
    /// <summary>
    /// Strips trailing LF, CR and NUL bytes and replaces the LF, CR and NUL bytes left inside with spaces, so that one
    /// message stays one line of the batch.
    /// </summary>
    /// <param name="raw">The message as received (a datagram or a TCP frame).</param>
    /// <returns>The line, or null when the message is empty or blank.</returns>
    public static byte[]? ToLine(ReadOnlySpan<byte> raw)
    {
        var trimmed = raw.TrimEnd("\n\r\0"u8);
        if (trimmed.IndexOfAnyExcept(" \t\n\r\0"u8) < 0)
        {
            return null;
        }

        var line = trimmed.ToArray();
        var rest = line.AsSpan();
        int at;
        while ((at = rest.IndexOfAny("\n\r\0"u8)) >= 0)
        {
            rest[at] = (byte)' ';
            rest = rest[(at + 1)..];
        }

        return line;
    }
}
