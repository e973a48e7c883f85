using Vigil.Response.Playbooks;
using Vigil.Response.Policy;
using Vigil.Response.Tests.Playbooks;

namespace Vigil.Response.Tests.Policy;

public sealed class PolicyExplainerTests
{
    [Fact]
    public void Explain_HighConfidenceMalwareOnWorkstation_IsolatesAutonomously()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(techniques: ["T1059.001"], confidence: 0.95);

        var lines = PolicyExplainer.Explain(policy, playbooks, alert);

        var isolate = lines.Single(l => l.StepId == "isolate");
        isolate.Target.ShouldBe("ws-042");
        isolate.Decision!.Kind.ShouldBe(DecisionKind.Autonomous);
        isolate.ToString().ShouldBe(
            "isolate-host-malware-or-lateral-movement/isolate: isolate_host ws-042: autonomous [workstations-high-confidence] because "
            + "rule 'workstations-high-confidence' matched (action isolate_host, asset tag workstation, asset criticality medium, confidence 0.95 >= 0.9)");
        lines.Where(l => l.Playbook == "notify-and-ticket-high").Select(l => l.StepId).ShouldBe(["notify", "ticket"]);
    }

    [Fact]
    public void Explain_SameAlertOnClinicalAsset_NeedsTwoApprovers()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(techniques: ["T1021"], tags: ["clinical", "workstation"]);

        var isolate = PolicyExplainer.Explain(policy, playbooks, alert).Single(l => l.StepId == "isolate");

        isolate.Decision!.Summary().ShouldBe("approval (approver x2, expires 30m)");
        isolate.Decision.RuleId.ShouldBe("clinical-two-person");
    }

    [Fact]
    public void Explain_PasswordSprayWithoutSourceIp_SkipsTheBlockAndSaysWhy()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(techniques: ["T1110.003"], severity: ResponseSeverity.Medium, srcIp: null);

        var block = PolicyExplainer.Explain(policy, playbooks, alert).ShouldHaveSingleItem();

        block.Decision.ShouldBeNull();
        block.ToString().ShouldBe("block-ip-password-spraying/block: block_ip (no target): skipped: the alert has no value for ${alert.src_ip}");
    }

    [Fact]
    public void Explain_ImpossibleTravel_IdentityActionsNeedApproval()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(detector: "model:impossible-travel", techniques: ["T1078"], severity: ResponseSeverity.Medium, confidence: 0.75);

        var lines = PolicyExplainer.Explain(policy, playbooks, alert);

        lines.Select(l => (l.StepId, l.Target, l.Decision!.Kind, l.Decision.RuleId)).ShouldBe([
            ("revoke", "CORP\\jdoe", DecisionKind.Approval, "identity-needs-approval"),
            ("disable", "CORP\\jdoe", DecisionKind.Approval, "identity-needs-approval"),
            ("tell-owner", "CORP\\jdoe", DecisionKind.Autonomous, "low-risk-actions")]);
    }

    [Fact]
    public void Explain_LowConfidencePasswordSpray_ForbidsTheBlock()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(techniques: ["T1110.003"], severity: ResponseSeverity.Medium, confidence: 0.4);

        var block = PolicyExplainer.Explain(policy, playbooks, alert).ShouldHaveSingleItem();

        (block.Target, block.Decision!.Kind, block.Decision.RuleId).ShouldBe(("10.0.0.7", DecisionKind.Forbidden, "low-confidence-containment-forbidden"));
        block.Decision.Reason.ShouldBe("rule 'low-confidence-containment-forbidden' matched (action block_ip, confidence 0.4 <= 0.5)");
    }

    [Fact]
    public void Explain_InMaintenance_PassesTheFlagToTheDecision()
    {
        var (policy, playbooks) = Examples();
        var alert = TestAlerts.Alert(techniques: ["T1110.003"], severity: ResponseSeverity.Medium, confidence: 0.95);

        var block = PolicyExplainer.Explain(policy, playbooks, alert, inMaintenance: true).ShouldHaveSingleItem();

        block.Decision!.Summary().ShouldBe("approval (analyst x1, expires 2h)");
        block.Decision.Input.InMaintenance.ShouldBeTrue();
    }

    internal static (DecisionPolicy Policy, IReadOnlyList<Playbook> Playbooks) Examples()
    {
        var folder = TestAlerts.ExamplesFolder();
        var policy = DecisionRightsLoader.Load(Path.Combine(folder, "policy", "decision-rights.yaml"));
        var playbooks = PlaybookLoader.LoadDirectory(Path.Combine(folder, "playbooks"));
        policy.Errors.ShouldBeEmpty();
        playbooks.Errors.ShouldBeEmpty();
        return (policy.Policy!, playbooks.Playbooks);
    }
}
