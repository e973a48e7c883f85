using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

public sealed class OAuth2TokenCacheTests
{
    [Fact]
    public async Task GetTokenAsync_ReusesUntilSixtySecondsBeforeExpiry()
    {
        var time = new FakeTimeProvider();
        await using var server = await FaultyServer.StartAsync();
        server.TokenLifetimeSeconds = 120;
        using var http = new HttpClient();
        using var cache = new OAuth2TokenCache(http, ConnectorAuthentication.OAuth2(new Uri(server.BaseUrl, "/token"), "id", "secret"), time);

        (await cache.GetTokenAsync(CancellationToken.None)).ShouldBe("tok-1");
        time.Advance(TimeSpan.FromSeconds(59));
        (await cache.GetTokenAsync(CancellationToken.None)).ShouldBe("tok-1");
        time.Advance(TimeSpan.FromSeconds(2));
        (await cache.GetTokenAsync(CancellationToken.None)).ShouldBe("tok-2");
        cache.Fetches.ShouldBe(2);
    }

    [Fact]
    public async Task Invalidate_StaleToken_IsIgnoredOnceReplaced()
    {
        await using var server = await FaultyServer.StartAsync();
        using var http = new HttpClient();
        using var cache = new OAuth2TokenCache(http, ConnectorAuthentication.OAuth2(new Uri(server.BaseUrl, "/token"), "id", "secret"), TimeProvider.System);

        var first = await cache.GetTokenAsync(CancellationToken.None);
        cache.Invalidate(first);
        var second = await cache.GetTokenAsync(CancellationToken.None);
        cache.Invalidate(first);

        (await cache.GetTokenAsync(CancellationToken.None)).ShouldBe(second);
        second.ShouldBe("tok-2");
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_FetchOnce()
    {
        await using var server = await FaultyServer.StartAsync();
        using var http = new HttpClient();
        using var cache = new OAuth2TokenCache(http, ConnectorAuthentication.OAuth2(new Uri(server.BaseUrl, "/token"), "id", "secret"), TimeProvider.System);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetTokenAsync(CancellationToken.None)));

        tokens.ShouldAllBe(t => t == "tok-1");
        server.TokenRequests.ShouldBe(1);
    }
}
