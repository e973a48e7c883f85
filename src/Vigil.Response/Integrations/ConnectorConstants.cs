namespace Vigil.Response.Integrations;

/// <summary>Defaults and names for connectors.</summary>
internal static class ConnectorConstants
{
    /// <summary>The header that carries the caller's action id, the same on every attempt.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The default per-attempt timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default number of retries after the first attempt.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The default base delay of the exponential backoff.</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default longest wait honoured from a Retry-After header.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The default failure ratio that opens the circuit.</summary>
    public const double DefaultFailureRatio = 0.5;

    /// <summary>The default number of calls in the sampling window before the circuit may open.</summary>
    public const int DefaultMinimumThroughput = 10;

    /// <summary>The default sampling window of the circuit breaker.</summary>
    public static readonly TimeSpan DefaultSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>The default time the circuit stays open.</summary>
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long before its expiry an OAuth2 token is refreshed.</summary>
    public static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>The number of recent calls the error rate and latency percentiles are computed over.</summary>
    public const int HealthWindow = 100;

    /// <summary>What replaces a secret in any text.</summary>
    public const string Redacted = "***";
}
