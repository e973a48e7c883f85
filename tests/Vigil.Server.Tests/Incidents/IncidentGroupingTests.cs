using System.Net.Http.Json;
using System.Text;
using Vigil.Server.Incidents;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Incidents;

public sealed class IncidentGroupingTests
{
    private static async Task PostAsync(ServerHarness server, params string[] lines)
    {
        using var ingest = server.Client(Roles.Ingest);
        (await ingest.PostAsync("/api/v1/events", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
        await server.WaitForDetectionAsync();
    }

    private static string Line(string rule, string user, string host, string time, string severity = "high", string tactic = "TA0001", string? criticality = null)
        => $"{{\"alert\":\"{severity}\",\"rule\":\"{rule}\",\"user\":\"{user}\",\"host\":\"{host}\",\"time\":\"{time}\",\"tactic\":\"{tactic}\""
           + (criticality is null ? string.Empty : $",\"criticality\":\"{criticality}\"") + "}";

    [Fact]
    public async Task Alerts_SharingAnEntityWithinTheWindow_FormOneIncident_OthersApart()
    {
        await using var server = await ServerHarness.StartAsync();
        await PostAsync(server,
            Line("a", "jdoe", "WS1", "2026-11-01T10:00:00Z"),
            Line("b", "jdoe", "SRV9", "2026-11-01T11:00:00Z", tactic: "TA0008"),
            Line("c", "asmith", "WS2", "2026-11-01T11:30:00Z"),
            Line("d", "jdoe", "WS1", "2026-11-05T10:00:00Z"));
        using var viewer = server.Client(Roles.Viewer);
        var incidents = (await viewer.GetFromJsonAsync<List<IncidentView>>("/api/v1/incidents"))!;
        incidents.Count.ShouldBe(3);
        var first = incidents.Single(i => i.AlertCount == 2);
        first.Entities.ShouldBe(["jdoe", "WS1", "SRV9"], ignoreOrder: true);
        first.Tactics.ShouldBe(["TA0001", "TA0008"], ignoreOrder: true);
        var alone = incidents.Single(i => i.Entities.Contains("asmith", StringComparer.Ordinal));
        first.Risk.ShouldBeGreaterThan(alone.Risk);
    }

    [Fact]
    public async Task BuiltInAccounts_DoNotLinkIncidents()
    {
        await using var server = await ServerHarness.StartAsync();
        await PostAsync(server,
            Line("a", "NT AUTHORITY\\\\SYSTEM", "WS1", "2026-11-01T10:00:00Z"),
            Line("b", "NT AUTHORITY\\\\SYSTEM", "WS2", "2026-11-01T10:05:00Z"));
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.GetFromJsonAsync<List<IncidentView>>("/api/v1/incidents"))!.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RepeatsWithinTheThrottleWindow_AreCountedOnTheFirstAlert()
    {
        await using var server = await ServerHarness.StartAsync(o => o with { Incidents = new IncidentSettings { ThrottleWindow = TimeSpan.FromMinutes(10) } });
        await PostAsync(server,
            Line("a", "jdoe", "WS1", "2026-11-01T10:00:00Z"),
            Line("a", "jdoe", "WS1", "2026-11-01T10:03:00Z"),
            Line("a", "jdoe", "WS1", "2026-11-01T10:09:00Z"),
            Line("a", "jdoe", "WS1", "2026-11-01T10:30:00Z"),
            Line("a", "asmith", "WS1", "2026-11-01T10:04:00Z"));
        using var viewer = server.Client(Roles.Viewer);
        var alerts = (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?entity=jdoe"))!.OrderBy(a => a.Time).ToList();
        alerts.Count.ShouldBe(2);
        alerts[0].Repeats.ShouldBe(2);
        alerts[0].LastSeen.ShouldBe(DateTimeOffset.Parse("2026-11-01T10:09:00Z", System.Globalization.CultureInfo.InvariantCulture));
        alerts[1].Repeats.ShouldBe(0);
        (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?entity=asmith"))!.Count.ShouldBe(1);

        // A later batch repeating the first alert is counted on it too (the worker remembers it).
        await PostAsync(server, Line("a", "jdoe", "WS1", "2026-11-01T10:05:00Z"));
        (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?entity=jdoe"))!.OrderBy(a => a.Time).First().Repeats.ShouldBe(3);
    }

    [Fact]
    public async Task IncidentStatus_ChangeIsValidatedAndAudited()
    {
        await using var server = await ServerHarness.StartAsync();
        await PostAsync(server, Line("a", "jdoe", "WS1", "2026-11-01T10:00:00Z"));
        using var analyst = server.Client(Roles.Analyst);
        var incident = (await analyst.GetFromJsonAsync<List<IncidentView>>("/api/v1/incidents"))!.Single();
        var bad = await analyst.PatchAsJsonAsync($"/api/v1/incidents/{incident.Id}", new { status = "solved" });
        bad.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        var ok = await analyst.PatchAsJsonAsync($"/api/v1/incidents/{incident.Id}", new { status = "closed" });
        ok.EnsureSuccessStatusCode();
        (await ok.Content.ReadFromJsonAsync<IncidentView>())!.Status.ShouldBe("closed");
        using var admin = server.Client(Roles.Admin);
        var audit = (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit"))!.Single(a => a.Action == "incident.status");
        audit.Actor.ShouldContain("test-analyst");
        audit.Before!.Value.GetProperty("status").GetString().ShouldBe("open");
        audit.After!.Value.GetProperty("status").GetString().ShouldBe("closed");

        // A closed incident takes no new alerts: the next one on the same user opens another.
        await PostAsync(server, Line("b", "jdoe", "WS1", "2026-11-01T10:10:00Z"));
        (await analyst.GetFromJsonAsync<List<IncidentView>>("/api/v1/incidents"))!.Count.ShouldBe(2);
    }

    [Fact]
    public void RiskScore_RisesWithPointsAndTactics_AndStaysBounded()
    {
        RiskScoring.Risk(0, 0).ShouldBe(0);
        RiskScoring.Risk(100, 1).ShouldBeLessThan(RiskScoring.Risk(100, 3));
        RiskScoring.Risk(100, 1).ShouldBeLessThan(RiskScoring.Risk(200, 1));
        RiskScoring.Risk(1_000_000, 14).ShouldBe(100);
    }
}
