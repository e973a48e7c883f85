namespace Vigil.Cli;

/// <summary>Thrown when the command line or a file named by an option is invalid; maps to <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
        : base("Invalid command line.")
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
