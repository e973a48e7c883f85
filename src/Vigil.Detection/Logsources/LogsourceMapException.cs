namespace Vigil.Detection.Logsources;

/// <summary>Thrown when a logsource map file is not valid; names the file, the 1-based line and column, and the reason.</summary>
public sealed class LogsourceMapException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file (or name) the map came from.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="reason">Why the map is not valid.</param>
    /// <param name="innerException">The cause, or null.</param>
    public LogsourceMapException(string sourceName, int line, int column, string reason, Exception? innerException = null)
        : base($"{sourceName}({line},{column}): {reason}", innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public LogsourceMapException()
        : this("logsources", 0, 0, "invalid logsource map")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the map is not valid.</param>
    public LogsourceMapException(string message)
        : this("logsources", 0, 0, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the map is not valid.</param>
    /// <param name="innerException">The cause.</param>
    public LogsourceMapException(string message, Exception innerException)
        : this("logsources", 0, 0, message, innerException)
    {
    }

    /// <summary>Gets the file (or name) the map came from.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Gets why the map is not valid, without the location.</summary>
    public string Reason { get; }
}
