using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

internal static class TestConnectors
{
    public const string Secret = "s3cr3t-Value-9f8e7d";

    public static ConnectorOptions Options(
        FaultyServer server,
        int retries = 3,
        TimeSpan? timeout = null,
        CircuitBreakerSettings? breaker = null,
        ConnectorAuthentication? auth = null,
        TimeSpan? maxRetryAfter = null) => new()
    {
        Name = "test",
        BaseUrl = new Uri(server.BaseUrl, "hooks/" + Secret),
        MaxRetries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromSeconds(30),
        CircuitBreaker = breaker ?? new CircuitBreakerSettings(),
        Authentication = auth ?? ConnectorAuthentication.None,
    };

    public static ConnectorClient Client(FaultyServer server, TimeProvider? time = null, int retries = 3, TimeSpan? timeout = null,
        CircuitBreakerSettings? breaker = null, ConnectorAuthentication? auth = null, TimeSpan? maxRetryAfter = null) =>
        new(Options(server, retries, timeout, breaker, auth, maxRetryAfter), time ?? TimeProvider.System);
}
