namespace Vigil.Cli;

/// <summary>Thrown when a command cannot go on (for example the output file cannot be written); maps to <see cref="ExitCodes.Fatal"/>.</summary>
internal sealed class CliFatalException : Exception
{
    public CliFatalException()
        : base("The command failed.")
    {
    }

    public CliFatalException(string message)
        : base(message)
    {
    }

    public CliFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
