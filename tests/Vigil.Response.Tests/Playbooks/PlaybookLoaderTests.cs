using Vigil.Response.Playbooks;

namespace Vigil.Response.Tests.Playbooks;

public sealed class PlaybookLoaderTests
{
    private const string Valid = """
        playbooks:
          - name: isolate
            description: Isolate on malware.
            trigger:
              detectors: ["rule:*"]
              techniques: [T1059]
              min_severity: high
              min_confidence: 0.8
              entity_tags: [workstation]
            steps:
              - id: enrich
                action: enrich
                target: ${alert.host}
              - id: isolate
                action: isolate_host
                target: ${alert.host}
                when: confidence >= 0.9 and severity in [high, critical]
                undo: release_host
                with:
                  reason: malware
        """;

    [Fact]
    public void Parse_ValidFile_ReturnsTheModel()
    {
        var set = PlaybookLoader.Parse(Valid, "p.yaml");

        set.Errors.ShouldBeEmpty();
        var playbook = set.Playbooks.ShouldHaveSingleItem();
        playbook.Name.ShouldBe("isolate");
        playbook.Enabled.ShouldBeTrue();
        playbook.Trigger.Detectors.ShouldBe(["rule:*"]);
        playbook.Trigger.MinSeverity.ShouldBe(ResponseSeverity.High);
        playbook.Trigger.MinConfidence.ShouldBe(0.8);
        playbook.Steps.Count.ShouldBe(2);
        var isolate = playbook.Steps[1];
        isolate.Action.ShouldBe(ResponseAction.IsolateHost);
        isolate.Undo.ShouldBe(ResponseAction.ReleaseHost);
        isolate.When.ShouldNotBeNull().Clauses.Count.ShouldBe(2);
        isolate.With["reason"].ShouldBe("malware");
        playbook.Line.ShouldBe(2);
    }

    [Fact]
    public void Parse_SinglePlaybookAtRoot_Loads()
    {
        var set = PlaybookLoader.Parse("name: n\ntrigger: {min_severity: low}\nsteps:\n  - {id: a, action: notify, target: soc}\n", "p.yaml");

        set.Errors.ShouldBeEmpty();
        set.Playbooks.ShouldHaveSingleItem().Steps[0].Target.Text.ShouldBe("soc");
    }

    [Fact]
    public void Parse_UnknownAction_ReportsLineAndColumnOfTheValue()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: nuke_host, target: x}"), "p.yaml");

        set.Playbooks.ShouldBeEmpty();
        set.Errors[0].ToString().ShouldStartWith("p.yaml(5,25): unknown action 'nuke_host'");
    }

    [Fact]
    public void Parse_ContainmentWithoutUndo_ReportsTheAction()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: isolate_host, target: x}"), "p.yaml");

        set.Errors[0].ToString().ShouldBe("p.yaml(5,25): containment action 'isolate_host' needs an undo: add 'undo: release_host'");
    }

    [Fact]
    public void Parse_IrreversibleStatedForKillProcess_Loads()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: kill_process, target: x, irreversible: true}"), "p.yaml");

        set.Errors.ShouldBeEmpty();
        set.Playbooks[0].Steps[0].Irreversible.ShouldBeTrue();
    }

    [Fact]
    public void Parse_KillProcessWithoutIrreversible_AsksForIt()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: kill_process, target: x}"), "p.yaml");

        set.Errors[0].Message.ShouldContain("irreversible: true");
    }

    [Fact]
    public void Parse_WrongUndo_NamesTheRightOne()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: block_ip, target: x, undo: release_host}"), "p.yaml");

        set.Errors[0].ToString().ShouldBe("p.yaml(5,52): 'block_ip' is undone by 'unblock_ip', not 'release_host'");
    }

    [Fact]
    public void Parse_UndoOnNotify_IsAnError()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: notify, target: x, undo: unblock_ip}"), "p.yaml");

        set.Errors[0].Message.ShouldBe("'notify' cannot be undone; remove 'undo'");
    }

    [Fact]
    public void Parse_UnknownVariable_ReportsTheColumnOfTheVariable()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: enrich, target: 'host ${alert.hostname}'}"), "p.yaml");

        set.Errors[0].ToString().ShouldStartWith("p.yaml(5,47): target: unknown variable '${alert.hostname}'");
    }

    [Theory]
    [InlineData("confidence >= 1.5", 29, "between 0 and 1")]
    [InlineData("confidence => 0.8", 26, "unknown operator '='")]
    [InlineData("severity == huge", 27, "unknown severity 'huge'")]
    [InlineData("risk > 3", 15, "unknown field 'risk'")]
    [InlineData("asset.criticality in [high, critical", 51, "expected ']'")]
    [InlineData("confidence in [0.5]", 26, "'in' is for severity")]
    [InlineData("severity == high or confidence > 0.5", 32, "expected 'and'")]
    [InlineData("severity == high and", 35, "expected a field")]
    [InlineData("severity == $x", 27, "unexpected character '$'")]
    [InlineData("'severity == $x'", 28, "unexpected character '$'")]
    public void Parse_BadWhenCondition_ReportsTheColumnInsideTheCondition(string condition, int column, string message)
    {
        var set = PlaybookLoader.Parse(Steps($"      - id: a\n        action: notify\n        target: x\n        when: {condition}"), "p.yaml");

        var error = set.Errors[0];
        (error.Line, error.Column).ShouldBe((8, column));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Parse_UnknownKeys_ReportEachKeyPosition()
    {
        var set = PlaybookLoader.Parse(Valid.Replace("    description:", "    owner: soc\n    description:", StringComparison.Ordinal)
            .Replace("        action: enrich", "        actoin: enrich", StringComparison.Ordinal), "p.yaml");

        set.Errors.Select(e => e.ToString()).ShouldContain(e => e.StartsWith("p.yaml(3,5): unknown key 'owner'", StringComparison.Ordinal));
        set.Errors.Select(e => e.ToString()).ShouldContain(e => e.StartsWith("p.yaml(13,9): unknown key 'actoin'", StringComparison.Ordinal));
        set.Playbooks.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_DuplicateName_SkipsTheSecondAndKeepsTheFirst()
    {
        var one = "  - {name: same, trigger: {min_severity: low}, steps: [{id: a, action: notify, target: x}]}";
        var set = PlaybookLoader.Parse($"playbooks:\n{one}\n{one.Replace("notify", "enrich", StringComparison.Ordinal)}\n", "p.yaml");

        set.Playbooks.ShouldHaveSingleItem().Steps[0].Action.ShouldBe(ResponseAction.Notify);
        set.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("p.yaml(3,12): duplicate playbook name 'same' (first in p.yaml line 2)");
    }

    [Fact]
    public void Parse_OneBrokenPlaybook_TheOthersStillLoad()
    {
        var text = """
            playbooks:
              - {name: good, trigger: {min_severity: low}, steps: [{id: a, action: notify, target: x}]}
              - {name: bad, trigger: {min_severity: loud}, steps: [{id: a, action: notify, target: x}]}
              - {name: also-good, trigger: {min_severity: low}, steps: [{id: a, action: notify, target: x}]}
            """;

        var set = PlaybookLoader.Parse(text, "p.yaml");

        set.Playbooks.Select(p => p.Name).ShouldBe(["good", "also-good"]);
        set.Errors[0].ToString().ShouldStartWith("p.yaml(3,41): 'min_severity' must be one of");
        set.Errors[^1].Message.ShouldContain("playbook 'bad' is skipped");
    }

    [Fact]
    public void Parse_DuplicateStepId_IsAnError()
    {
        var set = PlaybookLoader.Parse(Steps("      - {id: a, action: notify, target: x}\n      - {id: a, action: enrich, target: x}"), "p.yaml");

        set.Errors[0].ToString().ShouldBe("p.yaml(6,14): duplicate step id 'a'");
    }

    [Fact]
    public void Parse_BadTriggerValues_AreEachReported()
    {
        var set = PlaybookLoader.Parse(
            "name: n\ntrigger:\n  detectors: [sigma:x]\n  techniques: [1059]\n  min_confidence: 2\nsteps: [{id: a, action: notify, target: x}]\n",
            "p.yaml");

        set.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(3, 15), (4, 16), (5, 19), (1, 1)]);
    }

    [Fact]
    public void Parse_EmptyTriggerOrNoSteps_AreErrors()
    {
        PlaybookLoader.Parse("name: n\ntrigger: {}\nsteps: [{id: a, action: notify, target: x}]\n", "p.yaml").Errors[0].Message.ShouldContain("at least one condition");
        PlaybookLoader.Parse("name: n\ntrigger: {min_severity: low}\nsteps: []\n", "p.yaml").Errors[0].Message.ShouldContain("'steps' is required");
    }

    [Fact]
    public void Parse_DuplicateKey_IsAYamlErrorWithPosition()
    {
        var set = PlaybookLoader.Parse("name: a\nname: b\ntrigger: {min_severity: low}\nsteps: [{id: a, action: notify, target: x}]\n", "p.yaml");

        set.Playbooks.ShouldBeEmpty();
        set.Errors.ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsThePosition()
    {
        var set = PlaybookLoader.Parse("name: [unclosed\n", "p.yaml");

        set.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("invalid YAML");
        set.Errors[0].Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void LoadDirectory_ReadsYamlFilesAndIgnoresReadme()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-playbooks-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "README.md"), "# not yaml: [");
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "name: a\ntrigger: {min_severity: low}\nsteps: [{id: s, action: notify, target: x}]\n");
            File.WriteAllText(Path.Combine(dir.FullName, "b.yml"), "name: b\ntrigger: {min_severity: low}\nsteps: [{id: s, action: nuke, target: x}]\n");

            var set = PlaybookLoader.LoadDirectory(dir.FullName);

            set.Playbooks.ShouldHaveSingleItem().File.ShouldBe("playbooks/a.yaml");
            set.Errors[0].ToString().ShouldStartWith("playbooks/b.yml(3,25): unknown action 'nuke'");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Steps(string steps) => $"name: n\ntrigger: {{min_severity: low}}\nsteps:\n\n{steps}\n";
}
