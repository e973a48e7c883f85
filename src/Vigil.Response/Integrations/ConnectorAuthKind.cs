namespace Vigil.Response.Integrations;

/// <summary>How a connector authenticates.</summary>
public enum ConnectorAuthKind
{
    /// <summary>No authentication.</summary>
    None,

    /// <summary>A static key in a named header.</summary>
    ApiKey,

    /// <summary>A static bearer token.</summary>
    Bearer,

    /// <summary>HTTP basic authentication.</summary>
    Basic,

    /// <summary>An OAuth2 client-credentials token, cached until 60 s before expiry and refreshed once on a 401.</summary>
    OAuth2ClientCredentials,

    /// <summary>A TLS client certificate (PKCS#12 file and password).</summary>
    MutualTls,
}
