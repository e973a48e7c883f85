using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Alerts;
using Vigil.Server.Feedback;
using Vigil.Server.Pipeline;
using Vigil.Server.Security;
using Vigil.Server.Storage;
using static Vigil.Server.Tests.Feedback.FeedbackSteps;

namespace Vigil.Server.Tests.Feedback;

public sealed class TriageApiTests
{
    [Fact]
    public async Task Train_TooFewOrOneClass_IsConflictSayingWhy()
    {
        await using var server = await ServerHarness.StartAsync();
        using var analyst = server.Client(Roles.Analyst);
        var alerts = await RaiseAsync(server, [.. Enumerable.Range(0, 22).Select(i => Line("A", "u" + i))]);
        foreach (var alert in alerts.Take(5))
        {
            await VerdictAsync(analyst, alert.Id, VerdictNames.TruePositive);
        }

        await VerdictAsync(analyst, alerts[5].Id, VerdictNames.Undetermined);
        var response = await analyst.PostAsync("/api/v1/triage/train", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("at least 20 alerts");

        foreach (var alert in alerts.Skip(5))
        {
            await VerdictAsync(analyst, alert.Id, VerdictNames.TruePositive);
        }

        response = await analyst.PostAsync("/api/v1/triage/train", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("both classes; there are 22 true positives and 0");
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.PostAsync("/api/v1/triage/train", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetFromJsonAsync<List<TriageModelView>>("/api/v1/triage/models"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Train_SeparableVerdicts_PromotesV1WhichScoresNewAlerts_AndAnEqualRetrainIsNotPromoted()
    {
        await using var server = await ServerHarness.StartAsync();
        await GiveSeparableVerdictsAsync(server);
        using var analyst = server.Client(Roles.Analyst);
        var response = await analyst.PostAsync("/api/v1/triage/train", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var first = (await response.Content.ReadFromJsonAsync<TriageModelView>())!;
        first.Version.ShouldBe(1);
        first.Promoted.ShouldBeTrue();
        first.Active.ShouldBeTrue();
        first.CurrentScore.ShouldBeNull();
        first.Score.ShouldBeGreaterThan(0.5);
        (first.Examples + first.Holdout).ShouldBe(70);

        var scored = await RaiseAsync(server, Line("A", "new-a"), Line("B", "new-b"));
        scored.ShouldAllBe(a => a.ConfidenceSource == "triage-model v1" && a.TriageScore == a.Confidence && a.DetectorConfidence == 0.6);
        scored[0].TriageScore!.Value.ShouldBeGreaterThan(scored[1].TriageScore!.Value);

        response = await analyst.PostAsync("/api/v1/triage/train", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await response.Content.ReadFromJsonAsync<TriageModelView>())!;
        second.Version.ShouldBe(2);
        second.Promoted.ShouldBeFalse();
        second.CurrentVersion.ShouldBe(1);
        second.CurrentScore.ShouldBe(second.Score);
        second.Current.ShouldNotBeNull();

        using var viewer = server.Client(Roles.Viewer);
        var models = (await viewer.GetFromJsonAsync<List<TriageModelView>>("/api/v1/triage/models"))!;
        models.Select(m => (m.Version, m.Promoted, m.Active)).ShouldBe([(2, false, false), (1, true, true)]);
        models[0].Score.ShouldBe(second.Score);
        models[0].CurrentScore.ShouldBe(second.Score);
        (await RaiseAsync(server, Line("B", "newer-b")))[0].ConfidenceSource.ShouldBe("triage-model v1");

        using var admin = server.Client(Roles.Admin);
        var audit = (await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000"))!;
        audit.Count(a => a.Action == "triage.train").ShouldBe(2);
        audit.Single(a => a.Action == "triage.promote").After!.Value.GetProperty("activeVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task TriageScorer_AtStart_LoadsTheActiveModelFromTheStore()
    {
        await using var server = await ServerHarness.StartAsync();
        await GiveSeparableVerdictsAsync(server);
        using var analyst = server.Client(Roles.Analyst);
        (await analyst.PostAsync("/api/v1/triage/train", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var scorer = new TriageScorer(ServerStore.Open(server.Options.DatabasePath), NullLogger<TriageScorer>.Instance);
        scorer.ActiveVersion.ShouldBe(1);
        var alert = new PipelineAlert(
            new StoredAlert("fresh", "rule:A", "Test A", "high", TimeProvider.System.GetUtcNow().AddDays(1), [], ["someone"], "{}"),
            [], [new AlertEntity("user", "someone", null, null, null, false)], 0.6, "rule level high");
        var (confidence, source, triage) = scorer.Score(alert);
        source.ShouldBe("triage-model v1");
        triage.ShouldBe(confidence);
    }

    [Fact]
    public async Task Retrainer_OnSchedule_TrainsAsScheduleActor()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerHarness.StartAsync(o => o with { TriageRetrainInterval = TimeSpan.FromHours(6) }, time: time);
        await GiveSeparableVerdictsAsync(server);
        time.Advance(TimeSpan.FromHours(6));
        using var viewer = server.Client(Roles.Viewer);
        List<TriageModelView>? models = null;
        for (var i = 0; i < 200 && models is not { Count: > 0 }; i++)
        {
            await Task.Delay(50);
            models = await viewer.GetFromJsonAsync<List<TriageModelView>>("/api/v1/triage/models");
        }

        var model = models!.Single();
        model.TrainedBy.ShouldBe(TriageConstants.ScheduleActor);
        model.Promoted.ShouldBeTrue();
    }

    /// <summary>
    /// 70 verdicts: rule A mostly true positives (32 of 35), rule B mostly benign or false positives (32 of 35). The held-out
    /// fifth is drawn by alert id, and TestPipeline ids vary between runs, so assertions on the score stay loose.
    /// </summary>
    private static async Task GiveSeparableVerdictsAsync(ServerHarness server)
    {
        var lines = Enumerable.Range(0, 35).Select(i => Line("A", "a" + i, "high", privileged: i % 2 == 0))
            .Concat(Enumerable.Range(0, 35).Select(i => Line("B", "b" + i, "low")));
        var alerts = await RaiseAsync(server, [.. lines]);
        using var analyst = server.Client(Roles.Analyst);
        for (var i = 0; i < 35; i++)
        {
            await VerdictAsync(analyst, alerts[i].Id, i < 32 ? VerdictNames.TruePositive : VerdictNames.FalsePositiveLogic);
            await VerdictAsync(analyst, alerts[35 + i].Id, i < 32 ? (i % 3 == 0 ? VerdictNames.BenignPositive : VerdictNames.FalsePositiveData) : VerdictNames.TruePositive);
        }
    }
}
