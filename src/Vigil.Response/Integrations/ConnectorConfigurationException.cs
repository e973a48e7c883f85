namespace Vigil.Response.Integrations;

/// <summary>A connector's options are invalid or its certificate cannot be loaded. The message never holds a secret.</summary>
public sealed class ConnectorConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ConnectorConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
