namespace Vigil.Ingest.Normalization;

/// <summary>Thrown when a normalization map file is not valid; names the file, the 1-based line and column, and the reason.</summary>
public sealed class NormalizationMapException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file the map came from.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="reason">Why the map is not valid.</param>
    /// <param name="innerException">The cause, or null.</param>
    public NormalizationMapException(string file, int line, int column, string reason, Exception? innerException = null)
        : base($"{file}({line},{column}): {reason}", innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public NormalizationMapException()
        : this("normalization map", 0, 0, "invalid normalization map")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the map is not valid.</param>
    public NormalizationMapException(string message)
        : this("normalization map", 0, 0, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the map is not valid.</param>
    /// <param name="innerException">The cause.</param>
    public NormalizationMapException(string message, Exception innerException)
        : this("normalization map", 0, 0, message, innerException)
    {
    }

    /// <summary>Gets the file.</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, or 0.</summary>
    public int Column { get; }

    /// <summary>Gets the reason without the location.</summary>
    public string Reason { get; }
}
