using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Response.Tests.Integrations;

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose answers follow a script: each request takes the next scripted step, then
/// the rule, then plain 200. It records every request and dedupes successful deliveries by Idempotency-Key the way a
/// real receiver would. <c>POST /token</c> is an OAuth2 token endpoint issuing tok-1, tok-2...
/// </summary>
internal sealed class FaultyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private int _requestCount;
    private int _tokenRequests;
    private int _duplicates;

    private FaultyServer(WebApplication app)
    {
        _app = app;
    }

    internal sealed record Step(int Status = 200, TimeSpan Delay = default, string? RetryAfter = null, bool Drop = false);

    internal sealed record Received(int Index, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Headers, string Body);

    public Uri BaseUrl { get; private set; } = null!;

    public Func<Received, Step>? Rule { get; set; }

    public long TokenLifetimeSeconds { get; set; } = 3600;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public ConcurrentDictionary<string, int> Processed { get; } = new(StringComparer.Ordinal);

    public int RequestCount => Volatile.Read(ref _requestCount);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int Duplicates => Volatile.Read(ref _duplicates);

    public static async Task<FaultyServer> StartAsync(params Step[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FaultyServer(app);
        foreach (var step in script)
        {
            server._script.Enqueue(step);
        }

        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public void Enqueue(params Step[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (context.Request.Path == "/token")
        {
            var n = Interlocked.Increment(ref _tokenRequests);
            Requests.Enqueue(new Received(-n, "/token", null, Headers(context), body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"access_token":"tok-{{n}}","token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}}}""");
            return;
        }

        var index = Interlocked.Increment(ref _requestCount);
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var received = new Received(index, context.Request.Path.Value ?? "/", key, Headers(context), body);
        Requests.Enqueue(received);
        var step = _script.TryDequeue(out var scripted) ? scripted : Rule?.Invoke(received) ?? new Step();
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the client gave up (its timeout): nothing left to answer
            }
        }

        if (step.Drop)
        {
            context.Abort();
            return;
        }

        if (step.Status is >= 200 and < 300 && key is not null && !Processed.TryAdd(key, index))
        {
            Interlocked.Increment(ref _duplicates);
        }

        context.Response.StatusCode = step.Status;
        if (step.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = step.RetryAfter;
        }

        await context.Response.WriteAsync("{}");
    }

    private static Dictionary<string, string> Headers(HttpContext context) =>
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
