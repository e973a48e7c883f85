using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Feedback;
using Vigil.Server.Security;
using Vigil.Server.Storage;
using static Vigil.Server.Tests.Feedback.FeedbackSteps;

namespace Vigil.Server.Tests.Feedback;

public sealed class SuppressionsApiTests
{
    [Fact]
    public async Task ProposeSuppressions_FromFalsePositives_HaveImpactPreviewAndAreNotRepeated()
    {
        await using var server = await ServerHarness.StartAsync();
        // rule:N: three false positives share svc-backup (with one true positive and one unjudged alert on it); alice is a true positive.
        var n = await RaiseAsync(server,
            Line("N", "svc-backup"), Line("N", "svc-backup"), Line("N", "svc-backup"), Line("N", "svc-backup"), Line("N", "svc-backup"), Line("N", "alice"));
        // rule:M: two false positives on different users and one true positive: 2 of 3 verdicts, no shared entity.
        var m = await RaiseAsync(server, Line("M", "u1"), Line("M", "u2"), Line("M", "u3"));
        // rule:P: one false positive only.
        var p = await RaiseAsync(server, Line("P", "u1"));
        using var analyst = server.Client(Roles.Analyst);
        await VerdictAsync(analyst, n[0].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, n[1].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, n[2].Id, VerdictNames.FalsePositiveData);
        await VerdictAsync(analyst, n[3].Id, VerdictNames.TruePositive);
        await VerdictAsync(analyst, n[5].Id, VerdictNames.TruePositive);
        await VerdictAsync(analyst, m[0].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, m[1].Id, VerdictNames.FalsePositiveData);
        await VerdictAsync(analyst, m[2].Id, VerdictNames.TruePositive);
        await VerdictAsync(analyst, p[0].Id, VerdictNames.FalsePositiveLogic);

        var response = await analyst.PostAsync("/api/v1/suppressions/proposals", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var proposals = (await response.Content.ReadFromJsonAsync<List<SuppressionView>>())!;
        proposals.Select(s => (s.Detector, s.Entity)).ShouldBe([("rule:M", null), ("rule:N", "svc-backup")], ignoreOrder: true);

        var onEntity = proposals.Single(s => s.Detector == "rule:N");
        onEntity.Status.ShouldBe("proposed");
        onEntity.Reason.ShouldContain("3 false-positive verdicts on rule:N share entity 'svc-backup'");
        onEntity.Preview.AlertsRemoved.ShouldBe(5);
        onEntity.Preview.FirstAlertIds.ShouldBe(n.Take(5).Select(a => a.Id), ignoreOrder: true);
        onEntity.Preview.TruePositivesLost.ShouldBe(1);
        onEntity.Preview.TruePositiveIds.ShouldBe([n[3].Id]);
        onEntity.Preview.FalsePositives.ShouldBe(3);
        onEntity.Preview.Unjudged.ShouldBe(1);
        (onEntity.Expires - onEntity.Created).ShouldBe(TimeSpan.FromDays(30));

        var wholeDetector = proposals.Single(s => s.Detector == "rule:M");
        wholeDetector.Reason.ShouldContain("2 of 3 verdicts on rule:M are false positives");
        wholeDetector.Preview.AlertsRemoved.ShouldBe(3);
        wholeDetector.Preview.TruePositivesLost.ShouldBe(1);
        wholeDetector.Preview.TruePositiveIds.ShouldBe([m[2].Id]);

        (await (await analyst.PostAsync("/api/v1/suppressions/proposals", null)).Content.ReadFromJsonAsync<List<SuppressionView>>())!.ShouldBeEmpty();
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.GetFromJsonAsync<List<SuppressionView>>("/api/v1/suppressions?status=proposed"))!.Count.ShouldBe(2);
        (await viewer.PostAsync("/api/v1/suppressions/proposals", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemFieldsAsync(await viewer.GetAsync("/api/v1/suppressions?status=nosuch"))).ShouldBe(["status"]);
        using var admin = server.Client(Roles.Admin);
        (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!.Count(a => a.Action == "suppression.propose").ShouldBe(2);
    }

    [Fact]
    public async Task AcceptSuppression_ApproverOnly_ThenMatchingNewAlertsAreSuppressedUntilRevoked()
    {
        await using var server = await ServerHarness.StartAsync();
        var proposal = await ProposeOnEntityAsync(server, "svc-scan");
        using var analyst = server.Client(Roles.Analyst);
        (await analyst.PostAsync($"/api/v1/suppressions/{proposal.Id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var approver = server.Client(Roles.Approver);
        (await ProblemFieldsAsync(await approver.PostAsJsonAsync($"/api/v1/suppressions/{proposal.Id}/accept", new { expiryDays = 366 })))
            .ShouldBe(["expiryDays"]);
        (await approver.PostAsync("/api/v1/suppressions/SUP-NOSUCH/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var response = await approver.PostAsJsonAsync($"/api/v1/suppressions/{proposal.Id}/accept", new { expiryDays = 7 });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = (await response.Content.ReadFromJsonAsync<SuppressionView>())!;
        accepted.Status.ShouldBe("active");
        accepted.DecidedBy!.ShouldStartWith("test-approver");
        (accepted.Expires - accepted.Decided!.Value).ShouldBe(TimeSpan.FromDays(7));
        (await approver.PostAsync($"/api/v1/suppressions/{proposal.Id}/reject", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var later = await RaiseAsync(server, Line("S", "svc-scan"), Line("S", "bob"));
        later[0].Status.ShouldBe("suppressed");
        later[0].SuppressedBy.ShouldBe(proposal.Id);
        later[0].IncidentId.ShouldBeNull();
        later[1].Status.ShouldBe("new");

        (await analyst.DeleteAsync($"/api/v1/suppressions/{proposal.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var revoked = await approver.DeleteAsync($"/api/v1/suppressions/{proposal.Id}");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.Content.ReadFromJsonAsync<SuppressionView>())!.Status.ShouldBe("revoked");
        (await RaiseAsync(server, Line("S", "svc-scan")))[0].Status.ShouldBeOneOf("new", "throttled");

        using var admin = server.Client(Roles.Admin);
        var audit = (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!;
        var accept = audit.Single(a => a.Action == "suppression.accept");
        accept.Target.ShouldBe("suppression/" + proposal.Id);
        accept.Before!.Value.GetProperty("status").GetString().ShouldBe("proposed");
        accept.After!.Value.GetProperty("status").GetString().ShouldBe("active");
        audit.Single(a => a.Action == "suppression.revoke").After!.Value.GetProperty("status").GetString().ShouldBe("revoked");
    }

    [Fact]
    public async Task RejectSuppression_ProposalIsRejectedAndNeverApplies()
    {
        await using var server = await ServerHarness.StartAsync();
        var proposal = await ProposeOnEntityAsync(server, "svc-mon");
        using var approver = server.Client(Roles.Approver);
        var response = await approver.PostAsync($"/api/v1/suppressions/{proposal.Id}/reject", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<SuppressionView>())!.Status.ShouldBe("rejected");
        (await approver.DeleteAsync($"/api/v1/suppressions/{proposal.Id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RaiseAsync(server, Line("S", "svc-mon")))[0].Status.ShouldBeOneOf("new", "throttled");
        using var analyst = server.Client(Roles.Analyst);
        (await (await analyst.PostAsync("/api/v1/suppressions/proposals", null)).Content.ReadFromJsonAsync<List<SuppressionView>>())!.ShouldBeEmpty();
    }

    [Fact]
    public async Task AcceptedSuppression_PastItsExpiry_StopsApplying()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerHarness.StartAsync(time: time);
        var proposal = await ProposeOnEntityAsync(server, "svc-old");
        using var approver = server.Client(Roles.Approver);
        (await approver.PostAsJsonAsync($"/api/v1/suppressions/{proposal.Id}/accept", new { expiryDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RaiseAsync(server, Line("S", "svc-old")))[0].Status.ShouldBe("suppressed");

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        (await RaiseAsync(server, Line("S", "svc-old")))[0].Status.ShouldBeOneOf("new", "throttled");
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.GetFromJsonAsync<List<SuppressionView>>("/api/v1/suppressions"))!.Single().Status.ShouldBe("expired");
        (await approver.DeleteAsync($"/api/v1/suppressions/{proposal.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<SuppressionView> ProposeOnEntityAsync(ServerHarness server, string user)
    {
        var alerts = await RaiseAsync(server, Line("S", user), Line("S", user));
        using var analyst = server.Client(Roles.Analyst);
        await VerdictAsync(analyst, alerts[0].Id, VerdictNames.FalsePositiveLogic);
        await VerdictAsync(analyst, alerts[1].Id, VerdictNames.FalsePositiveLogic);
        var proposals = await (await analyst.PostAsync("/api/v1/suppressions/proposals", null)).Content.ReadFromJsonAsync<List<SuppressionView>>();
        return proposals!.Single(s => s.Entity == user);
    }
}
