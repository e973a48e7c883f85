namespace Vigil.Ingest.Sources.Text;

/// <summary>Parses the lines of one batch of a line-based format, in order, on one thread.</summary>
internal interface ILineParser : IDisposable
{
    /// <summary>Parses one line; a line that holds no event (blank, comment, header) produces none.</summary>
    /// <param name="line">The line without its line feed (a trailing carriage return may remain).</param>
    /// <param name="lineNumber">Its 1-based line number in the input.</param>
    void ParseLine(ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>Called after the last line of the batch, so that a parser holding a pending event can hand it over.</summary>
    void Flush();
}
