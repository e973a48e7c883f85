using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Vigil.Response.Integrations;

/// <summary>
/// Sends a connector's requests through its resilience pipeline, authenticates each attempt, stamps the caller's
/// idempotency key on every attempt and records health. Remote failures come back as a failed
/// <see cref="ConnectorResponse"/>, never as an exception. Writes no logs. Thread-safe.
/// </summary>
internal sealed class ConnectorClient : IDisposable
{
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ConnectorHealthTracker _health;
    private readonly OAuth2TokenCache? _tokens;
    private long _trialAllowedAtMs = long.MaxValue;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="time">The clock for delays, timeouts, the circuit break, token expiry and health times.</param>
    /// <param name="handler">The handler to send through (owned by the client); one from <see cref="ConnectorHandlerFactory"/> when null.</param>
    /// <exception cref="ConnectorConfigurationException">The options are invalid.</exception>
    public ConnectorClient(ConnectorOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.ThrowIfInvalid();
        _options = options;
        _time = time;
        _http = new HttpClient(handler ?? ConnectorHandlerFactory.Create(options), disposeHandler: true)
        {
            BaseAddress = options.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _health = new ConnectorHealthTracker(options.Name, time, ReadCircuitState);
        _pipeline = ConnectorResilience.Build(options, time, _circuit,
            breakDuration => Interlocked.Exchange(ref _trialAllowedAtMs, (time.GetUtcNow() + breakDuration).ToUnixTimeMilliseconds()));
        if (options.Authentication.Kind == ConnectorAuthKind.OAuth2ClientCredentials)
        {
            _tokens = new OAuth2TokenCache(_http, options.Authentication, time);
        }
    }

    /// <summary>The connector's name.</summary>
    public string Name => _options.Name;

    /// <summary>How many OAuth2 tokens were fetched (0 for other authentication).</summary>
    public int TokenFetches => _tokens?.Fetches ?? 0;

    /// <summary>The connector's health now.</summary>
    /// <returns>A snapshot.</returns>
    public ConnectorHealth Health() => _health.Snapshot();

    /// <summary>Sends one request, retried as the options say.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path relative to the base URL (empty for the base URL itself).</param>
    /// <param name="json">A JSON body, or null.</param>
    /// <param name="idempotencyKey">The caller's action id, sent as <c>Idempotency-Key</c> on every attempt.</param>
    /// <param name="cancellationToken">Cancels the call (then <see cref="OperationCanceledException"/> is thrown).</param>
    /// <returns>What the call came to.</returns>
    public async Task<ConnectorResponse> SendAsync(HttpMethod method, string path, string? json, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var call = new ConnectorCall(method, path, json, idempotencyKey, cancellationToken);
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static (state, token) => state.Client.AttemptAsync(state.Call, token), (Client: this, Call: call), cancellationToken)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            return new ConnectorResponse(response.IsSuccessStatusCode, response.StatusCode, call.Attempts, error, _time.GetElapsedTime(started), body);
        }
        catch (BrokenCircuitException)
        {
            _health.RecordFailure(null, "circuit open: not sent");

            return Failed(call, started, $"circuit open after {call.Attempts} attempt(s): not sent");
        }
        catch (TimeoutRejectedException)
        {
            return Failed(call, started, $"timed out after {_options.Timeout.TotalMilliseconds:0} ms on each of {call.Attempts} attempt(s)");
        }
        catch (HttpRequestException ex)
        {
            return Failed(call, started, $"{Describe(ex)} after {call.Attempts} attempt(s)");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tokens?.Dispose();
        _http.Dispose();
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var started = _time.GetTimestamp();
        try
        {
            var (response, token) = await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && !call.TokenRefreshed)
            {
                call.TokenRefreshed = true;
                response.Dispose();
                _tokens!.Invalidate(token);
                (response, _) = await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
            }

            if (response.IsSuccessStatusCode)
            {
                _health.RecordSuccess(_time.GetElapsedTime(started));
            }
            else
            {
                _health.RecordFailure(_time.GetElapsedTime(started), $"HTTP {(int)response.StatusCode}");
            }

            return response;
        }
        catch (HttpRequestException ex)
        {
            _health.RecordFailure(_time.GetElapsedTime(started), Describe(ex));
            throw;
        }
        catch (OperationCanceledException) when (!call.CallerToken.IsCancellationRequested)
        {
            _health.RecordFailure(_time.GetElapsedTime(started), $"timed out after {_options.Timeout.TotalMilliseconds:0} ms");
            throw;
        }
    }

    private async Task<(HttpResponseMessage Response, string? Token)> SendOnceAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Path.Length == 0 ? _options.BaseUrl : new Uri(call.Path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(ConnectorConstants.IdempotencyKeyHeader, call.IdempotencyKey);
        if (call.Json is not null)
        {
            request.Content = new StringContent(call.Json, Encoding.UTF8, "application/json");
        }

        string? token = null;
        var auth = _options.Authentication;
        switch (auth.Kind)
        {
            case ConnectorAuthKind.ApiKey:
                request.Headers.TryAddWithoutValidation(auth.HeaderName!, auth.Secret);
                break;
            case ConnectorAuthKind.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth.Secret);
                break;
            case ConnectorAuthKind.Basic:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.UserName}:{auth.Secret}")));
                break;
            case ConnectorAuthKind.OAuth2ClientCredentials:
                token = await _tokens!.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            default:
                break;
        }

        var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (response, token);
    }

    private ConnectorResponse Failed(ConnectorCall call, long started, string error) =>
        new(false, null, call.Attempts, error, _time.GetElapsedTime(started), null);

    private static string Describe(HttpRequestException ex) => ex.StatusCode is { } status
        ? ex.Message
        : $"connection failed ({ex.HttpRequestError})";

    /// <summary>Polly reports an open circuit until a call arrives after the break; report it half-open from then on.</summary>
    private ConnectorCircuitState ReadCircuitState() => _circuit.CircuitState switch
    {
        CircuitState.Open => _time.GetUtcNow().ToUnixTimeMilliseconds() >= Interlocked.Read(ref _trialAllowedAtMs)
            ? ConnectorCircuitState.HalfOpen
            : ConnectorCircuitState.Open,
        CircuitState.HalfOpen => ConnectorCircuitState.HalfOpen,
        CircuitState.Isolated => ConnectorCircuitState.Isolated,
        _ => ConnectorCircuitState.Closed,
    };
}
