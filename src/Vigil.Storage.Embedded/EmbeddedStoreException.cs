namespace Vigil.Storage.Embedded;

/// <summary>The store cannot be used: the message names the file and why.</summary>
public sealed class EmbeddedStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddedStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The file and why.</param>
    public EmbeddedStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The file and why.</param>
    /// <param name="inner">The cause.</param>
    public EmbeddedStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
