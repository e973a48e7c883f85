using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Tests.Policy;

public sealed class DecisionRightsLoaderTests
{
    private const string Valid = """
        mode: shadow
        rules:
          - id: clinical
            description: Clinical systems.
            actions: "*"
            asset_tags: [clinical]
            asset_criticality: [high, critical]
            min_confidence: 0.5
            max_confidence: 0.9
            in_maintenance: false
            decision: approval
            role: approver
            approvers: 2
            expires_after: 1h30m
          - id: low
            actions: [notify, open_ticket]
            decision: autonomous
        default:
          decision: forbidden
        """;

    [Fact]
    public void Parse_ValidFile_ReturnsThePolicy()
    {
        var result = DecisionRightsLoader.Parse(Valid, "d.yaml");

        result.Errors.ShouldBeEmpty();
        var policy = result.Policy.ShouldNotBeNull();
        policy.Mode.ShouldBe(PolicyMode.Shadow);
        policy.Default.Kind.ShouldBe(DecisionKind.Forbidden);
        var clinical = policy.Rules[0];
        clinical.Actions.ShouldBeNull();
        clinical.AssetCriticality.ShouldBe([AssetCriticality.High, AssetCriticality.Critical]);
        (clinical.MinConfidence, clinical.MaxConfidence, clinical.InMaintenance).ShouldBe((0.5, 0.9, false));
        clinical.Decision.ShouldBe(new RuleDecision(DecisionKind.Approval, ApproverRole.Approver, 2, TimeSpan.FromMinutes(90)));
        policy.Rules[1].Actions.ShouldBe([ResponseAction.Notify, ResponseAction.OpenTicket]);
    }

    [Theory]
    [InlineData("expires_after: 1h30m", "expires_after: soon", 14, 20, "'expires_after' must be a duration like 30m, 4h or 1d (at most 30d), not 'soon'")]
    [InlineData("expires_after: 1h30m", "expires_after: 90d", 14, 20, "'expires_after' must be a duration like 30m, 4h or 1d (at most 30d), not '90d'")]
    [InlineData("approvers: 2", "approvers: 4", 13, 16, "'approvers' must be 1, 2 (the two-person rule) or 3")]
    [InlineData("role: approver", "role: boss", 12, 11, "unknown role 'boss'; known: analyst, approver, admin")]
    [InlineData("mode: shadow", "mode: yolo", 1, 7, "'mode' must be enforce or shadow")]
    [InlineData("[notify, open_ticket]", "[notify, nuke]", 16, 23, "unknown action 'nuke'; known: *, enrich,")]
    [InlineData("[high, critical]", "[high, vital]", 7, 31, "unknown asset_criticality 'vital'")]
    [InlineData("max_confidence: 0.9", "max_confidence: 0.4", 9, 21, "'max_confidence' is below 'min_confidence'")]
    [InlineData("in_maintenance: false", "in_maintenance: no", 10, 21, "'in_maintenance' must be true or false")]
    [InlineData("decision: autonomous", "decision: sometimes", 17, 15, "unknown decision 'sometimes'")]
    [InlineData("    description: Clinical", "    descripton: Clinical", 4, 5, "unknown key 'descripton'")]
    [InlineData("- id: low", "- id: clinical", 15, 9, "duplicate rule id 'clinical'")]
    [InlineData("  decision: forbidden", "  decision: forbidden\n  role: admin", 20, 9, "'role' only applies to 'decision: approval'")]
    public void Parse_InvalidValue_ReportsLineColumnAndReason(string find, string replace, int line, int column, string message)
    {
        var result = DecisionRightsLoader.Parse(Valid.Replace(find, replace, StringComparison.Ordinal), "d.yaml");

        result.Policy.ShouldBeNull();
        var error = result.Errors[0];
        error.ToString().ShouldStartWith($"d.yaml({line},{column}): {message}");
    }

    [Fact]
    public void Parse_MissingDefault_IsAnError()
    {
        var result = DecisionRightsLoader.Parse("mode: enforce\nrules: []\n", "d.yaml");

        result.Policy.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("d.yaml(1,1): 'default' is required: the decision when no rule matches");
    }

    [Fact]
    public void Parse_ApprovalWithoutRoleOrExpiry_ReportsBoth()
    {
        var result = DecisionRightsLoader.Parse("mode: enforce\ndefault:\n  decision: approval\n", "d.yaml");

        result.Errors.Select(e => e.Message).ShouldBe(["'role' is required", "'expires_after' is required"]);
    }

    [Fact]
    public void Load_MissingFile_SaysNoActionMayRun()
    {
        var result = DecisionRightsLoader.Load(Path.Combine(Path.GetTempPath(), "vigil-none-" + Guid.NewGuid().ToString("N"), "decision-rights.yaml"));

        result.Policy.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("policy/decision-rights.yaml: the decision-rights file is missing; no action may run without one");
    }
}
