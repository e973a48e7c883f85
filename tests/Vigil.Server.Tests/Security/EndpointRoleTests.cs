using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Security;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Every endpoint, one by one: which role it declares, that no key gets 401, that each role below it gets 403 and each
/// role at or above it gets past authorization. Endpoints are listed from the running server, so a new endpoint without a
/// role fails here.
/// </summary>
public sealed class EndpointRoleTests
{
    /// <summary>The endpoints that are open on purpose.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "GET /healthz", "GET /services/collector/health", "GET /openapi/{documentName}.json",
    };

    [Fact]
    public async Task EveryEndpoint_DeclaresARole_AndEnforcesIt()
    {
        await using var server = await ServerHarness.StartAsync();
        var endpoints = Endpoints(server);
        endpoints.Count.ShouldBeGreaterThan(15);
        var failures = new List<string>();
        foreach (var (name, method, route, role) in endpoints)
        {
            if (Anonymous.Contains(name))
            {
                role.ShouldBeNull($"{name} is meant to be anonymous");
                continue;
            }

            if (role is null)
            {
                failures.Add($"{name}: no role declared");
                continue;
            }

            using (var anonymous = server.Client(null))
            {
                var status = await SendAsync(anonymous, method, route);
                if (status != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{name}: without a key answered {(int)status}, not 401");
                }
            }

            foreach (var caller in Roles.All)
            {
                using var client = server.Client(caller);
                var status = await SendAsync(client, method, route);
                var allowed = Roles.Satisfying(role).Contains(caller);
                if (allowed && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    failures.Add($"{name}: role {caller} should pass ({role} required) but got {(int)status}");
                }
                else if (!allowed && status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{name}: role {caller} should get 403 ({role} required) but got {(int)status}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        await using var server = await ServerHarness.StartAsync();
        using var admin = server.Client(Roles.Admin);
        var created = await admin.PostAsync("/api/v1/keys", new StringContent("{\"name\":\"temp\",\"role\":\"viewer\"}", Encoding.UTF8, "application/json"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        var id = body.RootElement.GetProperty("key").GetProperty("id").GetString()!;
        using var viewer = new HttpClient { BaseAddress = server.BaseAddress };
        viewer.DefaultRequestHeaders.Add("X-Api-Key", secret);
        (await viewer.GetAsync("/api/v1/alerts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync("/api/v1/alerts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var audit = await admin.GetStringAsync("/api/v1/audit");
        audit.ShouldContain("api-key.revoke");
        audit.ShouldNotContain(secret);
    }

    [Theory]
    [InlineData("Bearer vgl_000000000000_notakey")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task BadCredentials_Are401WithProblemDetails(string authorization)
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = server.Client(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        var response = await client.GetAsync("/api/v1/alerts");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public void KeysAtRest_AreHashes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "vigil.db");
        var (_, secret) = Vigil.Server.Hosting.VigilServer.CreateKey(path, "k", Roles.Viewer, "test");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(path).Concat(File.Exists(path + "-wal") ? File.ReadAllBytes(path + "-wal") : []).ToArray();
        Encoding.ASCII.GetString(bytes).ShouldNotContain(secret["vgl_".Length..]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the store holds events and key hashes: owner only");
        }

        Directory.Delete(folder, recursive: true);
    }

    private static List<(string Name, string Method, string Route, string? Role)> Endpoints(ServerHarness server)
    {
        var list = new List<(string, string, string, string?)>();
        foreach (var endpoint in server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var role = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
            {
                list.Add(($"{method} {pattern}", method, pattern, anonymous ? null : role));
            }
        }

        return list;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string route)
    {
        var path = route.Replace("{documentName}", "v1", StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "does-not-exist");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
