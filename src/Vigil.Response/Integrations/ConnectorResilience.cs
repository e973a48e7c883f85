using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Vigil.Response.Integrations;

/// <summary>
/// Builds a connector's Polly pipeline, outermost first: retry (exponential backoff with jitter; Retry-After on 429 and
/// 503 honoured up to a cap) → circuit breaker → timeout per attempt. Transient outcomes are 408, 429, 5xx,
/// <see cref="HttpRequestException"/> and <see cref="TimeoutRejectedException"/>; an open circuit is not retried.
/// </summary>
internal static class ConnectorResilience
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">Valid options.</param>
    /// <param name="time">The clock for delays, timeouts and the break.</param>
    /// <param name="circuit">Exposes the circuit state.</param>
    /// <param name="opened">Called with the break duration each time the circuit opens.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Build(
        ConnectorOptions options, TimeProvider time, CircuitBreakerStateProvider circuit, Action<TimeSpan> opened)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter, time)),
            });
        }

        var breaker = options.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            StateProvider = circuit,
            OnOpened = args =>
            {
                opened(args.BreakDuration);
                return default;
            },
        });
        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Whether an outcome is worth retrying and counts against the circuit.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>True for 408, 429, 5xx, connection failures and timeouts.</returns>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>Whether a status is transient.</summary>
    /// <param name="status">The status.</param>
    /// <returns>True for 408, 429 and 5xx.</returns>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }
}
