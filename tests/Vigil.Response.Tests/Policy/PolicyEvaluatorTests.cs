using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    [Fact]
    public void Evaluate_TwoRulesMatch_TheFirstWins()
    {
        var policy = Policy("""
              - {id: first, actions: [isolate_host], decision: forbidden}
              - {id: second, actions: "*", decision: autonomous}
            """);

        var decision = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.IsolateHost));

        (decision.Kind, decision.RuleId).ShouldBe((DecisionKind.Forbidden, "first"));
        decision.Reason.ShouldBe("rule 'first' matched (action isolate_host)");
        PolicyEvaluator.Evaluate(policy, Input(ResponseAction.Notify)).RuleId.ShouldBe("second");
    }

    [Fact]
    public void Evaluate_NoRuleMatches_TheDefaultApplies()
    {
        var policy = Policy("  - {id: tickets, actions: [open_ticket], decision: autonomous}");

        var decision = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.BlockIp));

        (decision.Kind, decision.RuleId, decision.Role, decision.Approvers, decision.ExpiresAfter)
            .ShouldBe((DecisionKind.Approval, "default", ApproverRole.Analyst, 1, TimeSpan.FromHours(4)));
        decision.Reason.ShouldBe("no rule matched; the default applies");
        decision.Summary().ShouldBe("approval (analyst x1, expires 4h)");
    }

    [Theory]
    [InlineData("clinical", ResponseAction.IsolateHost)]
    [InlineData("domain-controller", ResponseAction.DisableUser)]
    [InlineData("Clinical", ResponseAction.KillProcess)]
    [InlineData("clinical", ResponseAction.RevokeSessions)]
    public void Evaluate_PolicySaysAutonomousForContainmentOnProtectedAsset_SafetyRuleRequiresApproval(string tag, ResponseAction action)
    {
        var policy = Policy($"  - {{id: yolo, actions: \"*\", asset_tags: [{tag}], decision: autonomous}}");

        var decision = PolicyEvaluator.Evaluate(policy, Input(action, tags: [tag, "server"]));

        (decision.Kind, decision.RuleId, decision.Role, decision.Approvers, decision.ExpiresAfter)
            .ShouldBe((DecisionKind.Approval, "safety", ApproverRole.Approver, 1, TimeSpan.FromHours(1)));
        decision.Reason.ShouldContain("rule 'yolo' matched");
        decision.Reason.ShouldContain($"the built-in safety rule requires approval for containment on '{tag}' assets");
    }

    [Fact]
    public void Evaluate_DefaultAutonomousOnClinical_SafetyRuleAlsoApplies()
    {
        var policy = DecisionRightsLoader.Parse("mode: enforce\ndefault: {decision: autonomous}\n", "d.yaml").Policy!;

        var decision = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.BlockDomain, tags: ["clinical"]));

        (decision.Kind, decision.RuleId).ShouldBe((DecisionKind.Approval, "safety"));
        decision.Reason.ShouldStartWith("no rule matched; the default applies, which would make it autonomous");
    }

    [Theory]
    [InlineData(ResponseAction.Notify, DecisionKind.Autonomous, "everything")]
    [InlineData(ResponseAction.ReleaseHost, DecisionKind.Autonomous, "everything")]
    public void Evaluate_NonContainmentOnClinical_StaysAutonomous(ResponseAction action, DecisionKind kind, string rule)
    {
        var policy = Policy("  - {id: everything, actions: \"*\", decision: autonomous}");

        var decision = PolicyEvaluator.Evaluate(policy, Input(action, tags: ["clinical"]));

        (decision.Kind, decision.RuleId).ShouldBe((kind, rule));
    }

    [Fact]
    public void Evaluate_ForbiddenOnClinical_StaysForbidden()
    {
        var policy = Policy("  - {id: never, actions: \"*\", decision: forbidden}");

        PolicyEvaluator.Evaluate(policy, Input(ResponseAction.IsolateHost, tags: ["clinical"])).Kind.ShouldBe(DecisionKind.Forbidden);
    }

    [Fact]
    public void Evaluate_ShadowMode_ComputesTheDecisionButNothingActs()
    {
        var policy = Policy("  - {id: auto, actions: [isolate_host], decision: autonomous}", mode: "shadow");

        var plain = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.IsolateHost));
        var clinical = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.IsolateHost, tags: ["clinical"]));

        (plain.Kind, plain.EnforcedKind, plain.RuleId).ShouldBe((DecisionKind.Shadow, DecisionKind.Autonomous, "auto"));
        plain.Summary().ShouldBe("shadow (would have been autonomous)");
        plain.Reason.ShouldEndWith("; shadow mode: nothing acts");
        (clinical.Kind, clinical.EnforcedKind, clinical.RuleId).ShouldBe((DecisionKind.Shadow, DecisionKind.Approval, "safety"));
        clinical.Summary().ShouldBe("shadow (would have been approval (approver x1, expires 1h))");
    }

    [Theory]
    [InlineData(0.49, "weak")]
    [InlineData(0.5, "weak")]
    [InlineData(0.51, "default")]
    [InlineData(0.9, "strong")]
    [InlineData(1.0, "strong")]
    public void Evaluate_ConfidenceThresholds_AreInclusive(double confidence, string rule)
    {
        var policy = Policy("""
              - {id: weak, max_confidence: 0.5, decision: forbidden}
              - {id: strong, min_confidence: 0.9, decision: autonomous}
            """);

        PolicyEvaluator.Evaluate(policy, Input(ResponseAction.BlockIp, confidence: confidence)).RuleId.ShouldBe(rule);
    }

    [Theory]
    [InlineData(true, "maintenance")]
    [InlineData(false, "normal")]
    public void Evaluate_MaintenanceFlag_SelectsTheRule(bool inMaintenance, string rule)
    {
        var policy = Policy("""
              - {id: maintenance, in_maintenance: true, decision: forbidden}
              - {id: normal, in_maintenance: false, decision: autonomous}
            """);

        var decision = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.IsolateHost, inMaintenance: inMaintenance));

        decision.RuleId.ShouldBe(rule);
        decision.Reason.ShouldContain(inMaintenance ? "in a maintenance window" : "not in a maintenance window");
    }

    [Fact]
    public void Evaluate_TwoPersonRule_AsksForTwoApprovers()
    {
        var policy = Policy("  - {id: dc, asset_tags: [domain-controller], asset_criticality: [critical], decision: approval, role: admin, approvers: 2, expires_after: 30m}");

        var decision = PolicyEvaluator.Evaluate(policy, Input(ResponseAction.DisableUser, tags: ["domain-controller"], criticality: AssetCriticality.Critical));

        (decision.Kind, decision.Role, decision.Approvers, decision.ExpiresAfter).ShouldBe((DecisionKind.Approval, ApproverRole.Admin, 2, TimeSpan.FromMinutes(30)));
        decision.Reason.ShouldBe("rule 'dc' matched (any action, asset tag domain-controller, asset criticality critical)");
        PolicyEvaluator.Evaluate(policy, Input(ResponseAction.DisableUser, tags: ["domain-controller"], criticality: null)).RuleId.ShouldBe("default");
    }

    private static DecisionPolicy Policy(string rules, string mode = "enforce")
    {
        var text = $"mode: {mode}\nrules:\n{rules}\ndefault: {{decision: approval, role: analyst, expires_after: 4h}}\n";
        var result = DecisionRightsLoader.Parse(text, "d.yaml");
        result.Errors.ShouldBeEmpty();
        return result.Policy!;
    }

    private static PolicyInput Input(
        ResponseAction action,
        string[]? tags = null,
        double confidence = 0.8,
        bool inMaintenance = false,
        AssetCriticality? criticality = AssetCriticality.Medium)
        => new(action, "ws-042", tags ?? ["workstation"], criticality, confidence, inMaintenance);
}
