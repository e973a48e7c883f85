namespace Vigil.Response.Integrations;

/// <summary>
/// How a connector authenticates, with its secrets. <see cref="ToString"/> never shows a secret; build one with the
/// static factories.
/// </summary>
public sealed class ConnectorAuthentication
{
    private ConnectorAuthentication(ConnectorAuthKind kind)
    {
        Kind = kind;
    }

    /// <summary>No authentication (the default).</summary>
    public static ConnectorAuthentication None { get; } = new(ConnectorAuthKind.None);

    /// <summary>The kind.</summary>
    public ConnectorAuthKind Kind { get; }

    /// <summary>The header name (API key).</summary>
    public string? HeaderName { get; private init; }

    /// <summary>The user name (basic) or client id (OAuth2).</summary>
    public string? UserName { get; private init; }

    /// <summary>The secret: API key, bearer token, basic password, OAuth2 client secret or certificate password.</summary>
    public string? Secret { get; private init; }

    /// <summary>The token endpoint (OAuth2).</summary>
    public Uri? TokenUrl { get; private init; }

    /// <summary>The requested scope (OAuth2), if any.</summary>
    public string? Scope { get; private init; }

    /// <summary>The PKCS#12 client certificate file (mutual TLS).</summary>
    public string? CertificatePath { get; private init; }

    /// <summary>A static key sent in a named header.</summary>
    /// <param name="headerName">The header, e.g. <c>X-Api-Key</c>.</param>
    /// <param name="key">The key.</param>
    /// <returns>The authentication.</returns>
    public static ConnectorAuthentication ApiKey(string headerName, string key) =>
        new(ConnectorAuthKind.ApiKey) { HeaderName = headerName, Secret = key };

    /// <summary>A static bearer token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The authentication.</returns>
    public static ConnectorAuthentication Bearer(string token) => new(ConnectorAuthKind.Bearer) { Secret = token };

    /// <summary>HTTP basic authentication.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The authentication.</returns>
    public static ConnectorAuthentication Basic(string userName, string password) =>
        new(ConnectorAuthKind.Basic) { UserName = userName, Secret = password };

    /// <summary>OAuth2 client credentials (the secret is posted in the form body).</summary>
    /// <param name="tokenUrl">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="scope">The scope, if any.</param>
    /// <returns>The authentication.</returns>
    public static ConnectorAuthentication OAuth2(Uri tokenUrl, string clientId, string clientSecret, string? scope = null) =>
        new(ConnectorAuthKind.OAuth2ClientCredentials) { TokenUrl = tokenUrl, UserName = clientId, Secret = clientSecret, Scope = scope };

    /// <summary>A TLS client certificate.</summary>
    /// <param name="certificatePath">The PKCS#12 (.pfx) file.</param>
    /// <param name="password">Its password, if any.</param>
    /// <returns>The authentication.</returns>
    public static ConnectorAuthentication MutualTls(string certificatePath, string? password) =>
        new(ConnectorAuthKind.MutualTls) { CertificatePath = certificatePath, Secret = password };

    /// <summary>Lists what is wrong; never includes a secret.</summary>
    /// <returns>The problems, empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        switch (Kind)
        {
            case ConnectorAuthKind.ApiKey:
                Require(errors, HeaderName, "an API key needs a header name");
                Require(errors, Secret, "an API key needs a value");
                break;
            case ConnectorAuthKind.Bearer:
                Require(errors, Secret, "bearer authentication needs a token");
                break;
            case ConnectorAuthKind.Basic:
                Require(errors, UserName, "basic authentication needs a user name");
                if (UserName?.Contains(':', StringComparison.Ordinal) == true)
                {
                    errors.Add("a basic user name cannot contain ':'");
                }

                Require(errors, Secret, "basic authentication needs a password");
                break;
            case ConnectorAuthKind.OAuth2ClientCredentials:
                if (TokenUrl is null || !TokenUrl.IsAbsoluteUri)
                {
                    errors.Add("OAuth2 needs an absolute token URL");
                }

                Require(errors, UserName, "OAuth2 needs a client id");
                Require(errors, Secret, "OAuth2 needs a client secret");
                break;
            case ConnectorAuthKind.MutualTls:
                if (string.IsNullOrWhiteSpace(CertificatePath) || !File.Exists(CertificatePath))
                {
                    errors.Add("mutual TLS needs an existing client certificate file");
                }

                break;
            default:
                break;
        }

        return errors;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ConnectorAuthKind.ApiKey => $"ApiKey({HeaderName}: {ConnectorConstants.Redacted})",
        ConnectorAuthKind.Bearer => $"Bearer({ConnectorConstants.Redacted})",
        ConnectorAuthKind.Basic => $"Basic({UserName}:{ConnectorConstants.Redacted})",
        ConnectorAuthKind.OAuth2ClientCredentials => $"OAuth2({TokenUrl?.GetLeftPart(UriPartial.Authority)}, {UserName}, {ConnectorConstants.Redacted})",
        ConnectorAuthKind.MutualTls => $"MutualTls({Path.GetFileName(CertificatePath)}, {ConnectorConstants.Redacted})",
        _ => "None",
    };

    private static void Require(List<string> errors, string? value, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(message);
        }
    }
}
