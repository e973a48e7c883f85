using System.Text.Json;
using Vigil.Response.Audit;
using Vigil.Response.Engine;
using Vigil.Response.Policy;
using Step = Vigil.Response.Tests.Integrations.FaultyServer.Step;

namespace Vigil.Response.Tests.Engine;

public sealed class ResponseEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HandleAsync_Autonomous_ExecutesOnceAndAuditsDecisionAttemptOutcome()
    {
        await using var h = await EngineHarness.StartAsync();

        var record = (await h.Engine.HandleAsync(EngineHarness.Alert("A-1"), false, None)).ShouldHaveSingleItem();

        record.State.ShouldBe(ActionState.Succeeded);
        record.DecisionRule.ShouldBe("default");
        record.Attempts.ShouldBe(1);
        var request = h.Edr.Requests.ShouldHaveSingleItem();
        request.IdempotencyKey.ShouldBe(record.Id);
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("action").GetString().ShouldBe("isolate_host");
        body.GetProperty("target").GetString().ShouldBe("ws-042");
        body.GetProperty("alert").GetProperty("id").GetString().ShouldBe("A-1");
        body.GetProperty("parameters").GetProperty("reason").GetString().ShouldBe("test");
        body.GetProperty("idempotency_key").GetString().ShouldBe(record.Id);
        h.KindsFor(record.Id).ShouldBe(["decision", "action_attempt", "action_outcome"]);
        var decision = h.BodiesFor(record.Id, AuditKind.Decision).Single();
        decision.GetProperty("rule").GetString().ShouldBe("default");
        decision.GetProperty("inputs").GetProperty("confidence").GetDouble().ShouldBe(0.95);
        decision.GetProperty("outcome").GetString().ShouldBe("execute");
    }

    [Fact]
    public async Task HandleAsync_SameAlertTwice_ReturnsTheExistingActionAndExecutesOnce()
    {
        await using var h = await EngineHarness.StartAsync();

        var first = (await h.Engine.HandleAsync(EngineHarness.Alert("A-2"), false, None)).Single();
        var second = (await h.Engine.HandleAsync(EngineHarness.Alert("A-2"), false, None)).Single();

        second.Id.ShouldBe(first.Id);
        second.State.ShouldBe(ActionState.Succeeded);
        h.Edr.RequestCount.ShouldBe(1);
        h.Engine.Actions().Count.ShouldBe(1);
        h.KindsFor(first.Id).Count(k => k == "decision").ShouldBe(1);
    }

    [Fact]
    public async Task ApproveAsync_TwoPersonRule_NeedsTwoDistinctApprovers()
    {
        await using var h = await EngineHarness.StartAsync();
        var pending = (await h.Engine.HandleAsync(EngineHarness.Alert("A-3", tags: ["clinical"]), false, None)).Single();
        pending.State.ShouldBe(ActionState.PendingApproval);
        (pending.RequiredRole, pending.ApproversNeeded, pending.DecisionRule).ShouldBe((ApproverRole.Approver, 2, "clinical-two-person"));
        pending.ExpiresAt.ShouldBe(h.Time.GetUtcNow().AddMinutes(30));
        h.Engine.PendingApprovals().ShouldHaveSingleItem().Id.ShouldBe(pending.Id);

        var alice = await h.Engine.ApproveAsync(pending.Id, "alice", ApproverRole.Approver, None);
        var aliceAgain = await h.Engine.ApproveAsync(pending.Id, "ALICE", ApproverRole.Admin, None);

        alice.Accepted.ShouldBeTrue();
        alice.Record!.State.ShouldBe(ActionState.PendingApproval);
        aliceAgain.Accepted.ShouldBeFalse();
        aliceAgain.Error!.ShouldContain("already approved");
        h.Edr.RequestCount.ShouldBe(0);

        var bob = await h.Engine.ApproveAsync(pending.Id, "bob", ApproverRole.Admin, None);

        bob.Record!.State.ShouldBe(ActionState.Succeeded);
        bob.Record.Approvers.ShouldBe(["alice", "bob"]);
        h.Edr.RequestCount.ShouldBe(1);
        h.KindsFor(pending.Id).ShouldBe(["decision", "approval", "approval", "action_attempt", "action_outcome"]);
    }

    [Fact]
    public async Task ApproveAsync_WrongRole_IsRefusedAndNothingRuns()
    {
        await using var h = await EngineHarness.StartAsync();
        var pending = (await h.Engine.HandleAsync(EngineHarness.Alert("A-4", tags: ["clinical"]), false, None)).Single();

        var result = await h.Engine.ApproveAsync(pending.Id, "carol", ApproverRole.Analyst, None);

        result.Accepted.ShouldBeFalse();
        result.Error!.ShouldContain("at least approver");
        result.Record!.Approvers.ShouldBeEmpty();
        h.Edr.RequestCount.ShouldBe(0);
        h.KindsFor(pending.Id).ShouldBe(["decision"]);
    }

    [Fact]
    public async Task Deny_Pending_IsDeniedAuditedAndNeverRuns()
    {
        await using var h = await EngineHarness.StartAsync();
        var pending = (await h.Engine.HandleAsync(EngineHarness.Alert("A-5", tags: ["clinical"]), false, None)).Single();

        var denied = h.Engine.Deny(pending.Id, "dave", ApproverRole.Approver, "patient monitor, not malware");
        var lateApproval = await h.Engine.ApproveAsync(pending.Id, "erin", ApproverRole.Admin, None);

        denied.Record!.State.ShouldBe(ActionState.Denied);
        lateApproval.Accepted.ShouldBeFalse();
        h.Edr.RequestCount.ShouldBe(0);
        h.KindsFor(pending.Id).ShouldBe(["decision", "denial"]);
    }

    [Fact]
    public async Task ExpireDueAsync_ApprovalTimesOut_ExpiresEscalatesAndPagesOnCall()
    {
        await using var h = await EngineHarness.StartAsync();
        var pending = (await h.Engine.HandleAsync(EngineHarness.Alert("A-6", tags: ["clinical"]), false, None)).Single();
        h.Time.Advance(TimeSpan.FromMinutes(29));
        (await h.Engine.ExpireDueAsync(None)).ShouldBeEmpty();

        h.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = (await h.Engine.ExpireDueAsync(None)).ShouldHaveSingleItem();
        var late = await h.Engine.ApproveAsync(pending.Id, "alice", ApproverRole.Admin, None);

        expired.State.ShouldBe(ActionState.Expired);
        late.Accepted.ShouldBeFalse();
        h.Edr.RequestCount.ShouldBe(0);
        h.Ops.Requests.ShouldHaveSingleItem().Path.ShouldEndWith("/page");
        h.KindsFor(pending.Id).ShouldBe(["decision", "escalation"]);
        h.BodiesFor(pending.Id, AuditKind.Escalation).Single().GetProperty("reason").GetString().ShouldBe("approval expired");
    }

    [Fact]
    public async Task HandleAsync_Forbidden_AuditsAndNeverExecutes()
    {
        await using var h = await EngineHarness.StartAsync();

        var record = (await h.Engine.HandleAsync(EngineHarness.Alert("A-7", confidence: 0.3), false, None)).Single();

        (record.State, record.DecisionRule).ShouldBe((ActionState.Forbidden, "weak-signal"));
        h.Edr.RequestCount.ShouldBe(0);
        h.KindsFor(record.Id).ShouldBe(["decision"]);
        (await h.Engine.ApproveAsync(record.Id, "alice", ApproverRole.Admin, None)).Accepted.ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_ShadowMode_AuditsWhatItWouldHaveDoneAndNeverExecutes()
    {
        await using var h = await EngineHarness.StartAsync(EngineHarness.Policy.Replace("mode: enforce", "mode: shadow", StringComparison.Ordinal));

        var records = new[]
        {
            (await h.Engine.HandleAsync(EngineHarness.Alert("A-8"), false, None)).Single(),
            (await h.Engine.HandleAsync(EngineHarness.Alert("A-9", tags: ["clinical"]), false, None)).Single(),
        };

        records.Select(r => r.State).ShouldBe([ActionState.Shadow, ActionState.Shadow]);
        h.Edr.RequestCount.ShouldBe(0);
        h.BodiesFor(records[0].Id, AuditKind.Decision).Single().GetProperty("outcome").GetString().ShouldBe("shadow: would have been autonomous");
        h.BodiesFor(records[1].Id, AuditKind.Decision).Single().GetProperty("outcome").GetString().ShouldBe("shadow: would have been approval");
        h.KindsFor(records[1].Id).ShouldBe(["decision"]);
    }

    [Fact]
    public async Task PauseAll_AutonomousAction_IsQueuedAsApprovalUntilApproved()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Engine.PauseAll("lead", "bad rule deployed");

        var queued = (await h.Engine.HandleAsync(EngineHarness.Alert("A-10"), false, None)).Single();

        (queued.State, queued.Reason, queued.RequiredRole).ShouldBe((ActionState.PendingApproval, "automation paused", ApproverRole.Approver));
        h.Edr.RequestCount.ShouldBe(0);
        h.Engine.Resume("lead");
        (await h.Engine.HandleAsync(EngineHarness.Alert("A-11"), false, None)).Single().State.ShouldBe(ActionState.Succeeded);
        (await h.Engine.ApproveAsync(queued.Id, "alice", ApproverRole.Approver, None)).Record!.State.ShouldBe(ActionState.Succeeded);
        h.Edr.RequestCount.ShouldBe(2);
        h.KindsFor("kill_switch").ShouldBe(["kill_switch", "kill_switch"]);
    }

    [Fact]
    public async Task Cancel_PendingAction_IsCancelledAndNeverRuns()
    {
        await using var h = await EngineHarness.StartAsync();
        var pending = (await h.Engine.HandleAsync(EngineHarness.Alert("A-12", tags: ["clinical"]), false, None)).Single();

        var cancelled = h.Engine.Cancel(pending.Id, "lead");

        cancelled.Record!.State.ShouldBe(ActionState.Cancelled);
        h.Engine.Cancel(pending.Id, "lead").Accepted.ShouldBeFalse();
        h.KindsFor(pending.Id).ShouldBe(["decision", "override"]);
        h.Edr.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task UndoAsync_SucceededReversibleAction_RunsTheReverseAction()
    {
        await using var h = await EngineHarness.StartAsync();
        var done = (await h.Engine.HandleAsync(EngineHarness.Alert("A-13"), false, None)).Single();

        var undone = await h.Engine.UndoAsync(done.Id, "lead", None);

        undone.Record!.State.ShouldBe(ActionState.Undone);
        var reverse = h.Edr.Requests.Last();
        reverse.IdempotencyKey.ShouldBe(done.Id + ":undo");
        JsonDocument.Parse(reverse.Body).RootElement.GetProperty("action").GetString().ShouldBe("release_host");
        h.KindsFor(done.Id).ShouldBe(["decision", "action_attempt", "action_outcome", "override", "action_outcome"]);
        (await h.Engine.UndoAsync(done.Id, "lead", None)).Accepted.ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_EdrFails5xxBeyondRetries_EscalatesOpensTicketAndAudits()
    {
        await using var h = await EngineHarness.StartAsync(edrRetries: 1);
        h.Edr.Rule = _ => new Step(503);

        var record = (await h.Engine.HandleAsync(EngineHarness.Alert("A-14"), false, None)).Single();

        record.State.ShouldBe(ActionState.Escalated);
        record.Attempts.ShouldBe(2);
        record.LastError!.ShouldContain("503");
        h.Ops.Requests.Select(r => r.Path.Split('/')[^1]).Order(StringComparer.Ordinal).ShouldBe(["page", "ticket"]);
        var ticket = h.Ops.Requests.Single(r => r.Path.EndsWith("/ticket", StringComparison.Ordinal));
        JsonDocument.Parse(ticket.Body).RootElement.GetProperty("title").GetString()!.ShouldStartWith("automation failure");
        h.KindsFor(record.Id).ShouldBe(["decision", "action_attempt", "action_outcome", "escalation", "escalation"]);
        h.BodiesFor(record.Id, AuditKind.Escalation)[1].GetProperty("escalation_failed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_EscalationFailsToo_StaysFailedAndAuditsTheEscalationFailure()
    {
        await using var h = await EngineHarness.StartAsync(edrRetries: 0);
        h.Edr.Rule = _ => new Step(500);
        h.Ops.Rule = _ => new Step(502);

        var record = (await h.Engine.HandleAsync(EngineHarness.Alert("A-15"), false, None)).Single();

        record.State.ShouldBe(ActionState.Failed);
        record.LastError!.ShouldContain("escalation failed");
        var outcome = h.BodiesFor(record.Id, AuditKind.Escalation)[1];
        outcome.GetProperty("escalation_failed").GetBoolean().ShouldBeTrue();
        outcome.GetProperty("ticket").GetProperty("error").GetString()!.ShouldContain("502");
        h.Audit.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task HandleAsync_ExecutorCrashes_MarksFailedAuditsAndRethrows()
    {
        await using var h = await EngineHarness.StartAsync(executor: new CrashingExecutor());

        await Should.ThrowAsync<ArgumentException>(() => h.Engine.HandleAsync(EngineHarness.Alert("A-16"), false, None));

        var record = h.Engine.Actions().ShouldHaveSingleItem();
        record.State.ShouldBe(ActionState.Failed);
        record.LastError!.ShouldContain("ArgumentException");
        h.KindsFor(record.Id).ShouldBe(["decision", "action_attempt", "action_outcome"]);
    }
}
