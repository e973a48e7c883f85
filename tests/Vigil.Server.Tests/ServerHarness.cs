using System.Net.Http.Headers;
using System.Net.Http.Json;
using Vigil.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>
/// A real server on a loopback port with its own database in a temporary folder, and an HTTP client per role.
/// Dispose stops it and deletes the folder.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    private ServerHarness(string folder, WebApplication app, TestPipeline pipeline, ServerOptions options)
    {
        Folder = folder;
        App = app;
        Pipeline = pipeline;
        Options = options;
    }

    public string Folder { get; }

    public WebApplication App { get; }

    public TestPipeline Pipeline { get; }

    public ServerOptions Options { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets what the response engine executed.</summary>
    public Response.RecordingExecutor Executor { get; private init; } = null!;

    /// <summary>Gets the response audit log.</summary>
    public Vigil.Response.Audit.ResponseAuditLog Audit { get; private init; } = null!;

    public string KeyOf(string role) => _keys[role];

    public static async Task<ServerHarness> StartAsync(
        Func<ServerOptions, ServerOptions>? configure = null, TestPipeline? pipeline = null, string? folder = null, TimeProvider? time = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "vigil-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new ServerOptions
        {
            DatabasePath = Path.Combine(folder, "vigil.db"),
            Urls = ["http://127.0.0.1:0"],
            ModelTickInterval = TimeSpan.FromHours(1),
            // Tests raise the same rule on the same user again and again; throttling has its own tests.
            Incidents = new Vigil.Server.Incidents.IncidentSettings { ThrottleWindow = TimeSpan.Zero },
        };
        options = configure?.Invoke(options) ?? options;
        pipeline ??= new TestPipeline();
        var executor = new Response.RecordingExecutor();
        var (engine, audit) = Response.TestResponse.Create(folder, executor);
        var app = VigilServer.Build(options, pipeline, logging => logging.ClearProviders(), time, engine);
        var harness = new ServerHarness(folder, app, pipeline, options) { Executor = executor, Audit = audit };
        foreach (var role in Roles.All)
        {
            harness._keys[role] = VigilServer.CreateKey(options.DatabasePath, "test-" + role, role, "test").Secret;
        }

        await app.StartAsync();
        harness.BaseAddress = new Uri(VigilServer.Addresses(app)[0]);
        return harness;
    }

    public HttpClient Client(string? role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keys[role]);
        }

        return client;
    }

    /// <summary>Waits until everything journaled has been through detection (bounded: fails after 30 s).</summary>
    public async Task WaitForDetectionAsync()
    {
        using var client = Client(Roles.Viewer);
        ServerStatus? status = null;
        for (var i = 0; i < 600; i++)
        {
            status = await client.GetFromJsonAsync<ServerStatus>("/api/v1/status");
            if (status!.PendingBatches == 0 && status.QueuedBytes == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"detection did not catch up within 30 s: {status}");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Audit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is left for the OS to clean.
        }
    }
}
