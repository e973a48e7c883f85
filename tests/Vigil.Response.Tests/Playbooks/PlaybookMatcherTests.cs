using Vigil.Response.Playbooks;

namespace Vigil.Response.Tests.Playbooks;

public sealed class PlaybookMatcherTests
{
    [Theory]
    [InlineData("rule:*", "rule:proc-creation-mimikatz", true)]
    [InlineData("model:impossible-travel", "model:impossible-travel", true)]
    [InlineData("model:impossible-*", "model:Impossible-Travel", true)]
    [InlineData("rule:proc-?reation-*", "rule:proc-creation-x", true)]
    [InlineData("model:*", "rule:x", false)]
    [InlineData("rule:a*b*c", "rule:aXbYcZ", false)]
    public void Match_DetectorGlob_SelectsOnlyMatchingDetectors(string glob, string detector, bool expected)
    {
        var playbooks = Load($"detectors: ['{glob}']");

        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(detector: detector)).Count.ShouldBe(expected ? 1 : 0);
    }

    [Theory]
    [InlineData("T1110", "T1110.003", true)]
    [InlineData("T1110.003", "T1110.003", true)]
    [InlineData("T1110.003", "T1110", false)]
    [InlineData("T1110", "T11100", false)]
    [InlineData("t1110", "T1110.001", true)]
    public void Match_Technique_ASubTechniqueMatchesItsParent(string wanted, string actual, bool expected)
    {
        var playbooks = Load($"techniques: [{wanted}]");

        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(techniques: [actual])).Count.ShouldBe(expected ? 1 : 0);
    }

    [Fact]
    public void Match_SeverityConfidenceAndTags_MustAllHold()
    {
        var playbooks = Load("min_severity: high\n  min_confidence: 0.8\n  entity_tags: [clinical, server]");

        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(tags: ["clinical"])).ShouldHaveSingleItem().Reason
            .ShouldBe("severity high >= high; confidence 0.95 >= 0.8; asset tag clinical");
        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(severity: ResponseSeverity.Medium, tags: ["clinical"])).ShouldBeEmpty();
        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(confidence: 0.7, tags: ["clinical"])).ShouldBeEmpty();
        PlaybookMatcher.Match(playbooks, TestAlerts.Alert(tags: ["workstation"])).ShouldBeEmpty();
    }

    [Fact]
    public void Match_DisabledPlaybook_IsNotSelected()
    {
        var set = PlaybookLoader.Parse("name: off\nenabled: false\ntrigger: {min_severity: low}\nsteps: [{id: a, action: notify, target: x}]\n", "p.yaml");

        PlaybookMatcher.Match(set.Playbooks, TestAlerts.Alert()).ShouldBeEmpty();
    }

    [Fact]
    public void Match_TargetVariableEmptyForTheAlert_SkipsTheStepWithAReason()
    {
        var playbooks = Load("min_severity: low");

        var steps = PlaybookMatcher.Match(playbooks, TestAlerts.Alert(srcIp: null, host: "ws-9")).ShouldHaveSingleItem().Steps;

        steps[0].Target.ShouldBe("host ws-9 (A-1)");
        steps[0].IsSkipped.ShouldBeFalse();
        steps[1].IsSkipped.ShouldBeTrue();
        steps[1].SkipReason.ShouldBe("skipped: the alert has no value for ${alert.src_ip}");
    }

    [Fact]
    public void Match_WhenConditionFalse_SkipsTheStepWithAReason()
    {
        var playbooks = Load("min_severity: low");

        var steps = PlaybookMatcher.Match(playbooks, TestAlerts.Alert(confidence: 0.5)).ShouldHaveSingleItem().Steps;

        steps[1].SkipReason.ShouldBe("skipped: 'when: confidence >= 0.9' is false for this alert");
    }

    private static IReadOnlyList<Playbook> Load(string trigger)
    {
        var text = $$"""
            name: p
            trigger:
              {{trigger}}
            steps:
              - id: enrich
                action: enrich
                target: host ${alert.host} (${alert.id})
              - id: block
                action: block_ip
                target: ${alert.src_ip}
                when: confidence >= 0.9
                undo: unblock_ip
            """;
        var set = PlaybookLoader.Parse(text, "p.yaml");
        set.Errors.ShouldBeEmpty();
        return set.Playbooks;
    }
}
