using System.Net;
using System.Net.Http.Json;
using System.Text;
using Vigil.Server.Endpoints;
using Vigil.Server.Security;

namespace Vigil.Server.Tests.Response;

public sealed class ActionsApiTests
{
    private static async Task RaiseAsync(ServerHarness server, string line)
    {
        using var ingest = server.Client(Roles.Ingest);
        (await ingest.PostAsync("/api/v1/events", new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
        await server.WaitForDetectionAsync();
    }

    private static async Task<List<ActionView>> ActionsAsync(ServerHarness server, int expected)
    {
        using var viewer = server.Client(Roles.Viewer);
        for (var i = 0; i < 200; i++)
        {
            var list = (await viewer.GetFromJsonAsync<ActionList>("/api/v1/actions"))!.Actions.ToList();
            if (list.Count >= expected)
            {
                return list;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"fewer than {expected} actions after 10 s");
    }

    [Fact]
    public async Task ClinicalHost_IsolationWaitsForTwoApprovers_ThenRunsOnce()
    {
        await using var server = await ServerHarness.StartAsync();
        await RaiseAsync(server, "{\"alert\":\"critical\",\"rule\":\"respond\",\"host\":\"PACS01\",\"tags\":[\"clinical\"],\"confidence\":0.95}");
        var actions = await ActionsAsync(server, 2);
        var isolate = actions.Single(a => a.Action == "isolate_host");
        isolate.State.ShouldBe("pending_approval");
        isolate.ApproversNeeded.ShouldBe(2);
        isolate.DecisionRule.ShouldBe("clinical-two-person");
        actions.Single(a => a.Action == "notify").State.ShouldBe("succeeded", "notifying is low-risk, the first rule");

        using var analyst = server.Client(Roles.Analyst);
        (await analyst.PostAsync($"/api/v1/actions/{isolate.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "an analyst is below the approver role");
        using var approver = server.Client(Roles.Approver);
        var first = await approver.PostAsync($"/api/v1/actions/{isolate.Id}/approve", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<ActionView>())!.State.ShouldBe("pending_approval");
        (await approver.PostAsync($"/api/v1/actions/{isolate.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the same person cannot approve twice");
        server.Executor.Executed.ShouldNotContain(e => e.Target == "PACS01", "one approver of two is not enough");

        using var admin = server.Client(Roles.Admin);
        var second = await admin.PostAsync($"/api/v1/actions/{isolate.Id}/approve", null);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<ActionView>())!.State.ShouldBe("succeeded");
        server.Executor.Executed.Count(e => e.Target == "PACS01").ShouldBe(1);
        server.Audit.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Workstation_HighConfidence_IsIsolatedAutonomously_UntilTheKillSwitch()
    {
        await using var server = await ServerHarness.StartAsync();
        await RaiseAsync(server, "{\"alert\":\"high\",\"rule\":\"respond\",\"host\":\"WS-1\",\"tags\":[\"workstation\"],\"confidence\":0.95}");
        (await ActionsAsync(server, 2)).Single(a => a.Action == "isolate_host").State.ShouldBe("succeeded");

        using var approver = server.Client(Roles.Approver);
        (await approver.PostAsJsonAsync("/api/v1/automation/pause", new ActionReason("incident bridge: hands off"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RaiseAsync(server, "{\"alert\":\"high\",\"rule\":\"respond\",\"host\":\"WS-2\",\"tags\":[\"workstation\"],\"confidence\":0.95}");
        var paused = (await ActionsAsync(server, 4)).Single(a => a.Action == "isolate_host" && a.Target == "WS-2");
        paused.State.ShouldBe("pending_approval");
        server.Executor.Executed.Count(e => e.Target == "WS-2").ShouldBe(0);

        var undo = await approver.PostAsync($"/api/v1/actions/{(await ActionsAsync(server, 4)).Single(a => a.Target == "WS-1").Id}/undo", null);
        undo.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await undo.Content.ReadFromJsonAsync<ActionView>())!.State.ShouldBe("undone");
        server.Audit.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Deny_WithoutReason_IsValidationProblem_UnknownAction_Is404()
    {
        await using var server = await ServerHarness.StartAsync();
        using var analyst = server.Client(Roles.Analyst);
        (await analyst.PostAsJsonAsync("/api/v1/actions/nope/deny", new ActionReason(""))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await analyst.PostAsJsonAsync("/api/v1/actions/nope/deny", new ActionReason("not needed"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
