using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Feedback;

/// <summary>Steps the feedback tests share: raise alerts through the HTTP ingest API and give verdicts.</summary>
internal static class FeedbackSteps
{
    private static int _counter;

    /// <summary>One NDJSON line raising one alert of rule <paramref name="rule"/> on <paramref name="user"/> (unique, so never a retry).</summary>
    public static string Line(string rule, string user, string severity = "medium", string? host = null, string? criticality = null, bool privileged = false)
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["alert"] = severity, ["rule"] = rule, ["user"] = user, ["n"] = Interlocked.Increment(ref _counter),
        };
        if (host is not null)
        {
            fields["host"] = host;
        }

        if (criticality is not null)
        {
            fields["criticality"] = criticality;
        }

        if (privileged)
        {
            fields["privileged"] = true;
        }

        return JsonSerializer.Serialize(fields);
    }

    /// <summary>Posts the lines as one batch, waits for detection and returns the alerts the batch raised, in line order (at most 1,000 alerts in all).</summary>
    public static async Task<List<AlertView>> RaiseAsync(ServerHarness server, params string[] lines)
    {
        using var viewer = server.Client(Roles.Viewer);
        var before = (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?limit=1000"))!.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await server.WaitForDetectionAsync();
        var all = (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?limit=1000"))!.Where(a => !before.Contains(a.Id)).ToList();
        var marks = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var raised = new List<AlertView>();
        foreach (var mark in marks)
        {
            // Lines with the same rule and user raise interchangeable alerts, so any not yet taken will do.
            var rule = "rule:" + mark.GetProperty("rule").GetString();
            var user = mark.GetProperty("user").GetString();
            var alert = all.Where(a => a.Detector == rule && a.Entities.Any(e => e.Name == user) && !raised.Contains(a)).First();
            raised.Add(alert);
        }

        return raised;
    }

    /// <summary>Gives a verdict and checks it was recorded.</summary>
    public static async Task VerdictAsync(HttpClient analyst, string alertId, string verdict, string? comment = null)
    {
        var response = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alertId}/verdict", new { verdict, comment });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the field names of a ValidationProblem.</summary>
    public static async Task<List<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
