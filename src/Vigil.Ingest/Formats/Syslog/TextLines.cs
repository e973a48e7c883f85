namespace Vigil.Ingest.Formats.Syslog;

/// <summary>Small helpers on raw lines shared by the text formats.</summary>
internal static class TextLines
{
    /// <summary>Removes trailing carriage returns, spaces and tabs; returns empty for a blank line.</summary>
    /// <param name="line">The line without its line feed.</param>
    /// <returns>The trimmed line.</returns>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        var end = line.LastIndexOfAnyExcept(" \t\r"u8);
        return line[..(end + 1)];
    }
}
