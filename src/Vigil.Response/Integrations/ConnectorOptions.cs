namespace Vigil.Response.Integrations;

/// <summary>
/// One connector's endpoint, timeouts, retries, circuit breaker and authentication. <see cref="ToString"/> shows only
/// the scheme and host of <see cref="BaseUrl"/> (webhook URLs often embed a secret) and never a credential.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>The connector's name, used in health reports.</summary>
    public required string Name { get; init; }

    /// <summary>The absolute base URL; request paths are resolved against it.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The timeout of each attempt (10 ms to 10 min).</summary>
    /// <value>Defaults to 10 s.</value>
    public TimeSpan Timeout { get; init; } = ConnectorConstants.DefaultTimeout;

    /// <summary>Retries after the first attempt (0 to 10).</summary>
    /// <value>Defaults to 3.</value>
    public int MaxRetries { get; init; } = ConnectorConstants.DefaultMaxRetries;

    /// <summary>The base delay of the exponential backoff with jitter.</summary>
    /// <value>Defaults to 1 s.</value>
    public TimeSpan RetryBaseDelay { get; init; } = ConnectorConstants.DefaultRetryBaseDelay;

    /// <summary>The longest Retry-After (on 429 and 503) that is honoured; longer values are capped to it.</summary>
    /// <value>Defaults to 30 s.</value>
    public TimeSpan MaxRetryAfter { get; init; } = ConnectorConstants.DefaultMaxRetryAfter;

    /// <summary>The circuit breaker.</summary>
    public CircuitBreakerSettings CircuitBreaker { get; init; } = new();

    /// <summary>The authentication.</summary>
    public ConnectorAuthentication Authentication { get; init; } = ConnectorAuthentication.None;

    /// <summary>Lists what is wrong; never includes a secret.</summary>
    /// <returns>The problems, empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("a connector needs a name");
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("the base URL must be an absolute http or https URL");
        }

        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add("the timeout must be between 10 ms and 10 min");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add("max retries must be between 0 and 10");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("retry delays cannot be negative");
        }

        errors.AddRange((CircuitBreaker ?? new CircuitBreakerSettings { FailureRatio = 0 }).Validate());
        errors.AddRange((Authentication ?? ConnectorAuthentication.None).Validate());
        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ConnectorConfigurationException">The options are invalid; the message lists why, without secrets.</exception>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ConnectorConfigurationException($"connector '{Name}': {string.Join("; ", errors)}");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} ({BaseUrl?.GetLeftPart(UriPartial.Authority)}/…, timeout {Timeout}, retries {MaxRetries}, auth {Authentication})";
}
