using System.Text.Json;

namespace Vigil.Server.Tests;

/// <summary>
/// The OpenAPI document is a promised surface: the one the server serves must equal the one committed beside the server
/// (src/Vigil.Server/openapi.v1.json). A change writes openapi.v1.received.json there to review and copy over.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task ServedDocument_MatchesTheCommittedOne()
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = server.Client(null);
        var served = Normalize(await client.GetStringAsync("/openapi/v1.json"));
        var committedPath = Path.Combine(ServerFolder(), "openapi.v1.json");
        var receivedPath = Path.Combine(ServerFolder(), "openapi.v1.received.json");
        var committed = File.Exists(committedPath) ? Normalize(await File.ReadAllTextAsync(committedPath)) : string.Empty;
        if (!string.Equals(served, committed, StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(receivedPath, served);
            Assert.Fail($"the OpenAPI document changed: review {receivedPath} and copy it over {committedPath}");
        }

        File.Delete(receivedPath);
        using var document = JsonDocument.Parse(served);
        document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/events", out _).ShouldBeTrue();
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _).ShouldBeTrue();
    }

    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The server project folder, found from the test binaries upwards (CI builds map source paths to /_/).</summary>
    private static string ServerFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
                {
                    return Path.Combine(dir.FullName, "src", "Vigil.Server");
                }
            }
        }

        throw new DirectoryNotFoundException("the repository root (Vigil.slnx) is above neither the test binaries nor the current folder");
    }
}
