using System.Text.Json;

namespace Vigil.Response.Integrations;

/// <summary>
/// Fetches and caches an OAuth2 client-credentials token: reused until 60 s before it expires, fetched by one caller at
/// a time, dropped when the remote answers 401. Failures surface as <see cref="HttpRequestException"/> whose message
/// names only the status, never the secret.
/// </summary>
internal sealed class OAuth2TokenCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http;
    private readonly ConnectorAuthentication _auth;
    private readonly TimeProvider _time;
    private string? _token;
    private DateTimeOffset _refreshAt;
    private int _fetches;

    /// <summary>Creates the cache.</summary>
    /// <param name="http">The client to call the token endpoint with.</param>
    /// <param name="auth">OAuth2 client-credentials authentication.</param>
    /// <param name="time">The clock expiry is judged by.</param>
    public OAuth2TokenCache(HttpClient http, ConnectorAuthentication auth, TimeProvider time)
    {
        _http = http;
        _auth = auth;
        _time = time;
    }

    /// <summary>How many tokens have been fetched.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>Returns a valid token, fetching one when none is cached or it is about to expire.</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="HttpRequestException">The token endpoint failed or answered without a token.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _token);
        if (cached is not null && _time.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _refreshAt)
            {
                return _token;
            }

            var (token, lifetime) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _refreshAt = _time.GetUtcNow() + lifetime - ConnectorConstants.TokenRefreshMargin;
            Volatile.Write(ref _token, token);
            Interlocked.Increment(ref _fetches);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops a token the remote refused, unless another caller already replaced it.</summary>
    /// <param name="token">The refused token.</param>
    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", _auth.UserName!),
            new("client_secret", _auth.Secret!),
        };
        if (!string.IsNullOrEmpty(_auth.Scope))
        {
            form.Add(new("scope", _auth.Scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _auth.TokenUrl);
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the OAuth2 token endpoint answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(token.GetString()))
            {
                throw new HttpRequestException("the OAuth2 token endpoint answered without an access_token");
            }

            var seconds = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var value) ? value : 3600;
            return (token.GetString()!, TimeSpan.FromSeconds(Math.Max(0, seconds)));
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException("the OAuth2 token endpoint answered with invalid JSON", ex);
        }
    }
}
