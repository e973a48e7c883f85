using System.Diagnostics;
using System.Text.Json.Nodes;
using Vigil.Response.Integrations;
using Step = Vigil.Response.Tests.Integrations.FaultyServer.Step;

namespace Vigil.Response.Tests.Integrations;

public sealed class WebhookConnectorTests
{
    private static readonly JsonObject Payload = new() { ["text"] = "host isolated" };

    [Fact]
    public async Task PostAsync_Success_SucceedsOnFirstAttemptWithKeyAndJson()
    {
        await using var server = await FaultyServer.StartAsync();
        using var client = TestConnectors.Client(server);

        var result = await new WebhookConnector(client).PostAsync("act-1", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.StatusCode.ShouldBe(200);
        result.Attempts.ShouldBe(1);
        result.Error.ShouldBeNull();
        var request = server.Requests.Single();
        request.IdempotencyKey.ShouldBe("act-1");
        request.Body.ShouldBe("""{"text":"host isolated"}""");
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        request.Path.ShouldEndWith(TestConnectors.Secret);
    }

    [Fact]
    public async Task PostAsync_503Then200_RetriesWithTheSameKey()
    {
        await using var server = await FaultyServer.StartAsync(new Step(503), new Step(200));
        using var client = TestConnectors.Client(server);

        var result = await new WebhookConnector(client).PostAsync("act-2", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Attempts.ShouldBe(2);
        server.Requests.Select(r => r.IdempotencyKey).ShouldBe(["act-2", "act-2"]);
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfter_WaitsForIt()
    {
        await using var server = await FaultyServer.StartAsync(new Step(429, RetryAfter: "1"), new Step(200));
        using var client = TestConnectors.Client(server);
        var watch = Stopwatch.StartNew();

        var result = await new WebhookConnector(client).PostAsync("act-3", Payload, CancellationToken.None);

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4.5));
        result.Succeeded.ShouldBeTrue();
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task PostAsync_503WithLongRetryAfter_IsCappedAtMaxRetryAfter()
    {
        await using var server = await FaultyServer.StartAsync(new Step(503, RetryAfter: "120"), new Step(200));
        using var client = TestConnectors.Client(server, maxRetryAfter: TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        var result = await new WebhookConnector(client).PostAsync("act-4", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(180));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task PostAsync_Timeout_RetriesThenFailsWithReason()
    {
        await using var server = await FaultyServer.StartAsync();
        server.Rule = _ => new Step(Delay: TimeSpan.FromSeconds(10));
        using var client = TestConnectors.Client(server, retries: 1, timeout: TimeSpan.FromMilliseconds(200));

        var result = await new WebhookConnector(client).PostAsync("act-5", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Attempts.ShouldBe(2);
        result.StatusCode.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain("timed out");
        result.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        client.Health().LastFailureReason.ShouldNotBeNull().ShouldContain("timed out");
    }

    [Fact]
    public async Task PostAsync_DroppedConnection_IsRetried()
    {
        await using var server = await FaultyServer.StartAsync(new Step(Drop: true), new Step(200));
        using var client = TestConnectors.Client(server);

        var result = await new WebhookConnector(client).PostAsync("act-6", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Attempts.ShouldBe(2);
        server.RequestCount.ShouldBe(2);
        client.Health().LastFailureReason.ShouldNotBeNull().ShouldContain("connection failed");
    }

    [Fact]
    public async Task PostAsync_400_IsNotRetried()
    {
        await using var server = await FaultyServer.StartAsync(new Step(400), new Step(200));
        using var client = TestConnectors.Client(server);

        var result = await new WebhookConnector(client).PostAsync("act-7", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.StatusCode.ShouldBe(400);
        result.Attempts.ShouldBe(1);
        result.Error.ShouldNotBeNull().ShouldContain("400");
        server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task PostAsync_AllAttemptsFail_ReturnsFailureWithoutThrowing()
    {
        await using var server = await FaultyServer.StartAsync();
        server.Rule = _ => new Step(500);
        using var client = TestConnectors.Client(server, retries: 2);

        var result = await new WebhookConnector(client).PostAsync("act-8", Payload, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.StatusCode.ShouldBe(500);
        result.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task PostAsync_NullArguments_Throw()
    {
        await using var server = await FaultyServer.StartAsync();
        using var client = TestConnectors.Client(server);
        var webhook = new WebhookConnector(client);

        await Should.ThrowAsync<ArgumentNullException>(() => webhook.PostAsync("a", null!, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => webhook.PostAsync(" ", Payload, CancellationToken.None));
    }

    [Fact]
    public async Task PostAsync_Flood_EveryActionSucceedsExactlyOnce()
    {
        await using var server = await FaultyServer.StartAsync();
        var failedOnce = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        server.Rule = r => int.Parse(r.IdempotencyKey!.AsSpan(4)) % 5 == 0 && failedOnce.TryAdd(r.IdempotencyKey!, true)
            ? new Step(503)
            : new Step(200);
        using var client = TestConnectors.Client(server);
        var webhook = new WebhookConnector(client);
        var results = new ActionResult[2000];
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            results[i] = await webhook.PostAsync($"act-{i}", Payload, ct));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        results.ShouldAllBe(r => r.Succeeded);
        results.Count(r => r.Attempts == 2).ShouldBe(400);
        server.Processed.Count.ShouldBe(2000);
        server.Duplicates.ShouldBe(0);
        server.RequestCount.ShouldBe(2400);
        var health = client.Health();
        health.Calls.ShouldBe(2400);
        health.Failures.ShouldBe(400);
        health.Circuit.ShouldBe(ConnectorCircuitState.Closed);
    }
}
