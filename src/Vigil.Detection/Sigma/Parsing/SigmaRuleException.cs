namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Thrown while loading a rule that cannot be loaded; carries the construct and its location.</summary>
public sealed class SigmaRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">The 1-based line, or 0.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <param name="construct">The construct at fault.</param>
    /// <param name="message">Why.</param>
    public SigmaRuleException(int line, int column, string construct, string message)
        : base(message)
    {
        Line = line;
        Column = column;
        Construct = construct;
    }

    /// <summary>Creates the exception.</summary>
    public SigmaRuleException()
        : this(0, 0, string.Empty, "Invalid Sigma rule.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    public SigmaRuleException(string message)
        : this(0, 0, string.Empty, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public SigmaRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Construct = string.Empty;
    }

    /// <summary>Gets the 1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, or 0.</summary>
    public int Column { get; }

    /// <summary>Gets the construct at fault.</summary>
    public string Construct { get; }
}
