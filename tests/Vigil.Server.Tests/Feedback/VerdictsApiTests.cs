using System.Net;
using System.Net.Http.Json;
using Vigil.Server.Feedback;
using Vigil.Server.Security;
using Vigil.Server.Storage;
using static Vigil.Server.Tests.Feedback.FeedbackSteps;

namespace Vigil.Server.Tests.Feedback;

public sealed class VerdictsApiTests
{
    [Fact]
    public async Task PostVerdict_Twice_LatestCountsAndBothAreAudited()
    {
        await using var server = await ServerHarness.StartAsync();
        var alert = (await RaiseAsync(server, Line("r1", "jdoe")))[0];
        using var analyst = server.Client(Roles.Analyst);
        await VerdictAsync(analyst, alert.Id, VerdictNames.FalsePositiveLogic, "too broad");
        await VerdictAsync(analyst, alert.Id, VerdictNames.TruePositive, "on second look, real");

        using var viewer = server.Client(Roles.Viewer);
        var verdicts = (await viewer.GetFromJsonAsync<List<VerdictView>>($"/api/v1/alerts/{alert.Id}/verdicts"))!;
        verdicts.Select(v => v.Verdict).ShouldBe([VerdictNames.TruePositive, VerdictNames.FalsePositiveLogic]);
        verdicts[0].Comment.ShouldBe("on second look, real");
        verdicts[0].Actor.ShouldStartWith("test-analyst");

        using var admin = server.Client(Roles.Admin);
        var audit = (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!
            .Where(a => a.Action == "alert.verdict" && a.Target == "alert/" + alert.Id).ToList();
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.Actor.StartsWith("test-analyst"));
        audit[0].Before.ShouldBeNull();
        audit[0].After!.Value.GetProperty("verdict").GetString().ShouldBe(VerdictNames.FalsePositiveLogic);
        audit[1].Before!.Value.GetProperty("verdict").GetString().ShouldBe(VerdictNames.FalsePositiveLogic);
        audit[1].After!.Value.GetProperty("verdict").GetString().ShouldBe(VerdictNames.TruePositive);
    }

    [Fact]
    public async Task PostVerdict_InvalidInput_IsValidationProblemOrNotFound()
    {
        await using var server = await ServerHarness.StartAsync();
        var alert = (await RaiseAsync(server, Line("r1", "jdoe")))[0];
        using var analyst = server.Client(Roles.Analyst);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/verdict", new { verdict = "false_positive" })))
            .ShouldBe(["verdict"]);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/verdict",
            new { verdict = VerdictNames.Undetermined, comment = new string('x', 2001) }))).ShouldBe(["comment"]);
        (await analyst.PostAsJsonAsync("/api/v1/alerts/nosuch/verdict", new { verdict = VerdictNames.TruePositive })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.GetAsync("/api/v1/alerts/nosuch/verdicts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.PostAsJsonAsync("/api/v1/incidents/nosuch/verdict", new { verdict = VerdictNames.TruePositive })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/verdict", new { verdict = VerdictNames.TruePositive })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostIncidentVerdict_AppliesToEachOfItsAlerts()
    {
        await using var server = await ServerHarness.StartAsync();
        var alerts = await RaiseAsync(server, Line("r1", "jdoe"), Line("r2", "jdoe"));
        var incident = alerts[0].IncidentId!;
        alerts[1].IncidentId.ShouldBe(incident);
        using var analyst = server.Client(Roles.Analyst);
        await VerdictAsync(analyst, alerts[0].Id, VerdictNames.FalsePositiveData);
        var response = await analyst.PostAsJsonAsync($"/api/v1/incidents/{incident}/verdict", new { verdict = VerdictNames.BenignPositive, comment = "admin at work" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await response.Content.ReadFromJsonAsync<IncidentVerdictView>();
        view!.AlertIds.ShouldBe(alerts.Select(a => a.Id), ignoreOrder: true);
        view.Verdict.TargetKind.ShouldBe("incident");

        using var viewer = server.Client(Roles.Viewer);
        foreach (var alert in alerts)
        {
            var latest = (await viewer.GetFromJsonAsync<List<VerdictView>>($"/api/v1/alerts/{alert.Id}/verdicts"))![0];
            latest.Verdict.ShouldBe(VerdictNames.BenignPositive);
            latest.IncidentId.ShouldBe(incident);
        }

        using var admin = server.Client(Roles.Admin);
        var audit = (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!.Single(a => a.Action == "incident.verdict");
        audit.Before!.Value.GetProperty("alertVerdicts").GetProperty(alerts[0].Id).GetString().ShouldBe(VerdictNames.FalsePositiveData);
    }

    [Fact]
    public async Task GetPrecision_SmallKnownSet_CountsByLatestVerdict()
    {
        await using var server = await ServerHarness.StartAsync();
        var a = await RaiseAsync(server, Line("A", "u1"), Line("A", "u2"), Line("A", "u3"));
        var b = await RaiseAsync(server, Line("B", "u4"), Line("B", "u5"), Line("B", "u6"), Line("B", "u7"));
        var c = await RaiseAsync(server, Line("C", "u8"));
        using var analyst = server.Client(Roles.Analyst);
        await VerdictAsync(analyst, a[0].Id, VerdictNames.TruePositive);
        await VerdictAsync(analyst, a[1].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, a[1].Id, VerdictNames.TruePositive);
        await VerdictAsync(analyst, a[2].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, b[0].Id, VerdictNames.FalsePositiveData);
        await VerdictAsync(analyst, b[1].Id, VerdictNames.BenignPositive);
        await VerdictAsync(analyst, b[2].Id, VerdictNames.Undetermined);
        await VerdictAsync(analyst, c[0].Id, VerdictNames.BenignPositive);

        using var viewer = server.Client(Roles.Viewer);
        var precision = (await viewer.GetFromJsonAsync<List<DetectorPrecision>>("/api/v1/quality/precision"))!.ToDictionary(p => p.Detector, StringComparer.Ordinal);
        precision["rule:A"].ShouldBe(new DetectorPrecision("rule:A", "rule", 3, 3, 2, 0, 1, 0, 1, 0, 2.0 / 3));
        precision["rule:B"].ShouldBe(new DetectorPrecision("rule:B", "rule", 4, 3, 0, 1, 0, 1, 1, 1, 0.0));
        precision["rule:C"].ShouldBe(new DetectorPrecision("rule:C", "rule", 1, 1, 0, 1, 0, 0, 0, 0, null));
    }

    [Fact]
    public async Task PostMissed_EventsOrRange_IsRecordedValidatedAndAudited()
    {
        await using var server = await ServerHarness.StartAsync();
        using var analyst = server.Client(Roles.Analyst);
        var first = await analyst.PostAsJsonAsync("/api/v1/missed", new { events = new[] { "fw.log:120", "fw.log:121" }, techniques = new[] { "t1078" } });
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var from = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var second = await analyst.PostAsJsonAsync("/api/v1/missed", new { from, to = from.AddHours(2), comment = "lateral movement, no alert" });
        second.StatusCode.ShouldBe(HttpStatusCode.Created);

        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync("/api/v1/missed", new { comment = "nothing" }))).ShouldBe(["events"]);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync("/api/v1/missed", new { from }))).ShouldBe(["to"]);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync("/api/v1/missed", new { from, to = from.AddHours(-1) }))).ShouldBe(["to"]);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync("/api/v1/missed", new { events = new[] { "x:1" }, techniques = new[] { "TA0001" } })))
            .ShouldBe(["techniques"]);
        (await ProblemFieldsAsync(await analyst.PostAsJsonAsync("/api/v1/missed", new { events = Enumerable.Range(0, 1001).Select(i => "e:" + i) })))
            .ShouldBe(["events"]);
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.PostAsJsonAsync("/api/v1/missed", new { events = new[] { "x:1" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var reports = await viewer.GetFromJsonAsync<List<MissedReportView>>("/api/v1/missed");
        reports!.Count.ShouldBe(2);
        reports[0].From.ShouldBe(from);
        reports[0].To.ShouldBe(from.AddHours(2));
        reports[0].Events.ShouldBeEmpty();
        reports[1].Events.ShouldBe(["fw.log:120", "fw.log:121"]);
        reports[1].Techniques.ShouldBe(["T1078"]);
        using var admin = server.Client(Roles.Admin);
        (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!.Count(a => a.Action == "missed.report").ShouldBe(2);
    }
}
