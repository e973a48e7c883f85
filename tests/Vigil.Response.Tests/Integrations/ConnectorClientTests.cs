using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Integrations;
using Step = Vigil.Response.Tests.Integrations.FaultyServer.Step;

namespace Vigil.Response.Tests.Integrations;

public sealed class ConnectorClientTests
{
    private const string Secret = TestConnectors.Secret;

    [Fact]
    public async Task SendAsync_RepeatedFailures_OpenTheCircuitThenHalfOpenAfterTheBreak()
    {
        var time = new FakeTimeProvider();
        await using var server = await FaultyServer.StartAsync(new Step(500), new Step(500));
        var breaker = new CircuitBreakerSettings
        {
            FailureRatio = 0.5, MinimumThroughput = 2, SamplingDuration = TimeSpan.FromSeconds(10), BreakDuration = TimeSpan.FromMilliseconds(500),
        };
        using var client = TestConnectors.Client(server, time, retries: 0, breaker: breaker);

        (await client.SendAsync(HttpMethod.Post, "", "{}", "a-1", CancellationToken.None)).StatusCode.ShouldBe(System.Net.HttpStatusCode.InternalServerError);
        (await client.SendAsync(HttpMethod.Post, "", "{}", "a-2", CancellationToken.None)).Succeeded.ShouldBeFalse();
        client.Health().Circuit.ShouldBe(ConnectorCircuitState.Open);

        var refused = await client.SendAsync(HttpMethod.Post, "", "{}", "a-3", CancellationToken.None);

        refused.Succeeded.ShouldBeFalse();
        refused.Attempts.ShouldBe(0);
        refused.Error.ShouldNotBeNull().ShouldContain("circuit open");
        server.RequestCount.ShouldBe(2);

        time.Advance(TimeSpan.FromMilliseconds(600));
        client.Health().Circuit.ShouldBe(ConnectorCircuitState.HalfOpen);
        var trial = await client.SendAsync(HttpMethod.Post, "", "{}", "a-4", CancellationToken.None);

        trial.Succeeded.ShouldBeTrue();
        server.RequestCount.ShouldBe(3);
        client.Health().Circuit.ShouldBe(ConnectorCircuitState.Closed);
    }

    [Fact]
    public async Task SendAsync_OAuth2_FetchesTheTokenOnceAndReusesIt()
    {
        await using var server = await FaultyServer.StartAsync();
        using var client = TestConnectors.Client(server, auth: OAuth2(server));

        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(HttpMethod.Post, "", "{}", $"a-{i}", CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        server.TokenRequests.ShouldBe(1);
        client.TokenFetches.ShouldBe(1);
        server.Requests.Where(r => r.Index > 0).ShouldAllBe(r => r.Headers["Authorization"] == "Bearer tok-1");
        var tokenRequest = server.Requests.Single(r => r.Path == "/token");
        tokenRequest.Body.ShouldContain("grant_type=client_credentials");
        tokenRequest.Body.ShouldContain("scope=alerts.write");
    }

    [Fact]
    public async Task SendAsync_OAuth2Answered401_RefreshesTheTokenOnceAndResends()
    {
        await using var server = await FaultyServer.StartAsync(new Step(200), new Step(401), new Step(200));
        using var client = TestConnectors.Client(server, auth: OAuth2(server));

        (await client.SendAsync(HttpMethod.Post, "", "{}", "a-1", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var second = await client.SendAsync(HttpMethod.Post, "", "{}", "a-2", CancellationToken.None);

        second.Succeeded.ShouldBeTrue();
        second.Attempts.ShouldBe(1);
        server.TokenRequests.ShouldBe(2);
        server.Requests.Where(r => r.Index > 0).OrderBy(r => r.Index).Select(r => r.Headers["Authorization"])
            .ShouldBe(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
    }

    [Fact]
    public async Task SendAsync_OAuth2Still401AfterRefresh_FailsWithoutLoopingOrThrowing()
    {
        await using var server = await FaultyServer.StartAsync();
        server.Rule = _ => new Step(401);
        using var client = TestConnectors.Client(server, auth: OAuth2(server));

        var result = await client.SendAsync(HttpMethod.Post, "", "{}", "a-1", CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        server.TokenRequests.ShouldBe(2);
        server.RequestCount.ShouldBe(2);
    }

    public static TheoryData<string, string, string> AuthCases => new()
    {
        { "apikey", "X-Api-Key", Secret },
        { "bearer", "Authorization", "Bearer " + Secret },
        { "basic", "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc-vigil:" + Secret)) },
    };

    [Theory]
    [MemberData(nameof(AuthCases))]
    public async Task SendAsync_StaticAuthentication_SendsTheHeaderAndNeverShowsTheSecret(string kind, string header, string expected)
    {
        var auth = kind switch
        {
            "apikey" => ConnectorAuthentication.ApiKey("X-Api-Key", Secret),
            "bearer" => ConnectorAuthentication.Bearer(Secret),
            _ => ConnectorAuthentication.Basic("svc-vigil", Secret),
        };
        await using var server = await FaultyServer.StartAsync(new Step(200), new Step(400), new Step(Drop: true));
        var options = TestConnectors.Options(server, retries: 0, auth: auth);
        using var client = new ConnectorClient(options, TimeProvider.System);

        (await client.SendAsync(HttpMethod.Post, "", "{}", "a-1", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var rejected = await client.SendAsync(HttpMethod.Post, "", "{}", "a-2", CancellationToken.None);
        var dropped = await client.SendAsync(HttpMethod.Post, "", "{}", "a-3", CancellationToken.None);

        server.Requests.ShouldAllBe(r => r.Headers[header] == expected);
        var shown = string.Join("\n", options.ToString(), auth.ToString(), rejected.Error, dropped.Error, client.Health().ToString());
        shown.ShouldNotContain(Secret);
        shown.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("svc-vigil:" + Secret)));
        auth.ToString().ShouldContain("***");
    }

    [Fact]
    public async Task Health_AfterAScriptedSequence_ReportsTheFigures()
    {
        await using var server = await FaultyServer.StartAsync(
            new Step(200), new Step(500), new Step(200), new Step(400), new Step(200, Delay: TimeSpan.FromMilliseconds(60)));
        using var client = TestConnectors.Client(server, retries: 0);

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(HttpMethod.Post, "", "{}", $"a-{i}", CancellationToken.None);
        }

        var health = client.Health();
        health.Name.ShouldBe("test");
        health.Calls.ShouldBe(5);
        health.Failures.ShouldBe(2);
        health.ErrorRate.ShouldBe(0.4, 1e-9);
        health.LastFailureReason.ShouldBe("HTTP 400");
        health.LastSuccess.ShouldNotBeNull().ShouldBeGreaterThan(health.LastFailure.ShouldNotBeNull());
        health.P95Latency.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50));
        health.MedianLatency.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(health.P95Latency.Value);
        health.Circuit.ShouldBe(ConnectorCircuitState.Closed);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        await using var server = await FaultyServer.StartAsync(new Step(Delay: TimeSpan.FromSeconds(10)));
        using var client = TestConnectors.Client(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => client.SendAsync(HttpMethod.Post, "", "{}", "a-1", cts.Token));
    }

    [Fact]
    public async Task SendAsync_OAuth2TokenEndpointFails_ReturnsFailureWithoutTheSecret()
    {
        await using var server = await FaultyServer.StartAsync(new Step(500));
        var auth = ConnectorAuthentication.OAuth2(new Uri(server.BaseUrl, "/not-a-token-endpoint"), "vigil", Secret);
        using var client = TestConnectors.Client(server, retries: 0, auth: auth);

        var result = await client.SendAsync(HttpMethod.Post, "", "{}", "a-1", CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain("token endpoint answered 500");
        result.Error.ShouldNotContain(Secret);
        client.Health().LastFailureReason.ShouldNotBeNull().ShouldNotContain(Secret);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithoutTheSecret()
    {
        var options = new ConnectorOptions
        {
            Name = "bad",
            BaseUrl = new Uri("ftp://example.org/"),
            Authentication = ConnectorAuthentication.OAuth2(new Uri("/token", UriKind.Relative), "id", Secret),
        };

        var ex = Should.Throw<ConnectorConfigurationException>(() => new ConnectorClient(options, TimeProvider.System));

        ex.Message.ShouldContain("base URL");
        ex.Message.ShouldContain("token URL");
        ex.Message.ShouldNotContain(Secret);
    }

    private static ConnectorAuthentication OAuth2(FaultyServer server) =>
        ConnectorAuthentication.OAuth2(new Uri(server.BaseUrl, "/token"), "vigil", Secret, "alerts.write");
}
