namespace Vigil.Response.Integrations;

/// <summary>The state of one connector call across its attempts.</summary>
internal sealed class ConnectorCall
{
    /// <summary>Creates the state.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The relative path.</param>
    /// <param name="json">The JSON body, or null.</param>
    /// <param name="idempotencyKey">The idempotency key.</param>
    /// <param name="callerToken">The caller's cancellation token, to tell a cancellation from a timeout.</param>
    public ConnectorCall(HttpMethod method, string path, string? json, string idempotencyKey, CancellationToken callerToken)
    {
        Method = method;
        Path = path;
        Json = json;
        IdempotencyKey = idempotencyKey;
        CallerToken = callerToken;
    }

    /// <summary>The method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The relative path.</summary>
    public string Path { get; }

    /// <summary>The JSON body, or null.</summary>
    public string? Json { get; }

    /// <summary>The idempotency key.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The caller's cancellation token.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Whether the OAuth2 token was already refreshed after a 401 in this call.</summary>
    public bool TokenRefreshed { get; set; }
}
