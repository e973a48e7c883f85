using Vigil.Detection.Sigma.Parsing;
using static Vigil.Detection.Tests.Sigma.RuleHarness;

namespace Vigil.Detection.Tests.Sigma;

public sealed class LoaderTests
{
    [Theory]
    [InlineData("sel:\n    F|nosuch: x\ncondition: sel", "unknown modifier 'nosuch'")]
    [InlineData("sel:\n    F|re: '(unclosed'\ncondition: sel", "invalid regular expression")]
    [InlineData("sel:\n    F|cidr: 'not/a/net'\ncondition: sel", "not a CIDR")]
    [InlineData("sel:\n    F|gt: abc\ncondition: sel", "not a number")]
    [InlineData("sel:\n    F|exists: maybe\ncondition: sel", "boolean")]
    [InlineData("sel:\n    F|contains|startswith: x\ncondition: sel", "conflicts")]
    [InlineData("sel:\n    F|i: x\ncondition: sel", "only valid after 're'")]
    [InlineData("sel:\n    F|base64: 'a*b'\ncondition: sel", "wildcards")]
    [InlineData("sel:\n    F: []\ncondition: sel", "empty")]
    [InlineData("sel:\n    F: x", "no condition")]
    public void InvalidDetection_ReportsLineConstructAndReason(string detection, string reason)
    {
        var error = LoadError(Rule(detection));
        error.Message.ShouldContain(reason);
        error.File.ShouldBe("bad.yml");
        error.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void InvalidYaml_ReportsLine()
    {
        var error = LoadError("title: x\ndetection: [unclosed\n");
        error.Construct.ShouldBe("yaml");
        error.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void MissingTitle_IsReported()
        => LoadError("detection:\n    sel:\n        A: 1\n    condition: sel\n").Construct.ShouldBe("title");

    [Fact]
    public void OneBrokenDocument_OthersLoad()
    {
        var text = Rule("sel:\n    A: 1\ncondition: sel") + "\n---\n" + Rule("sel:\n    A|bad: 1\ncondition: sel") + "\n---\n" + Rule("sel:\n    B: 1\ncondition: sel");
        var report = new SigmaRuleLoader().LoadText(text, "multi.yml");
        report.Rules.Count.ShouldBe(2);
        report.Failures.Count.ShouldBe(1);
        report.Failures[0].Diagnostic.Line.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Collection_GlobalMergesIntoEachDocument_AndResetClearsIt()
    {
        const string text = """
            action: global
            title: Shared title
            logsource:
                product: windows
            detection:
                sel_common:
                    A: 1
                condition: sel_common and sel
            ---
            id: 7e4f1a52-8a4c-4a53-9d8e-0b8f2f1e0a11
            detection:
                sel:
                    B: 1
            ---
            id: 7e4f1a52-8a4c-4a53-9d8e-0b8f2f1e0a12
            logsource:
                category: process_creation
            detection:
                sel:
                    C: 1
            ---
            action: reset
            ---
            title: Standalone
            logsource:
                product: linux
            detection:
                sel:
                    D: 1
                condition: sel
            """;
        var report = new SigmaRuleLoader().LoadText(text, "coll.yml");
        report.Failures.ShouldBeEmpty();
        report.Rules.Count.ShouldBe(3);
        report.Rules[0].Title.ShouldBe("Shared title");
        report.Rules[1].Logsource.ShouldBe(new SigmaLogsource("windows", "process_creation", null));
        report.Rules[2].Title.ShouldBe("Standalone");
        var engine = new Vigil.Detection.Engine.DetectionEngineBuilder().AddRules(report.Rules.Take(1)).Build();
        Hits(engine, Event(engine, ("A", "1"), ("B", "1"))).Count.ShouldBe(1);
        Hits(engine, Event(engine, ("B", "1"))).ShouldBeEmpty();
    }

    [Fact]
    public void Collection_RepeatReusesPreviousDocument()
    {
        const string text = """
            title: First
            logsource:
                product: windows
            detection:
                sel:
                    A: 1
                condition: sel
            ---
            action: repeat
            title: Second
            detection:
                sel:
                    A: 2
            """;
        var report = new SigmaRuleLoader().LoadText(text, "rep.yml");
        report.Rules.Select(r => r.Title).ShouldBe(["First", "Second"]);
        report.Rules[1].Logsource.Product.ShouldBe("windows");
    }

    [Fact]
    public void FilterRule_ExcludesMatchingEventsOfItsTargets()
    {
        var text = Rule("sel:\n    A: 1\ncondition: sel") + """

            ---
            title: Not on test hosts
            logsource:
                product: test
            filter:
                rules:
                    - 5f0e1a52-8a4c-4a53-9d8e-0b8f2f1e0a01
                selection:
                    Host|startswith: 'TEST-'
                condition: not selection
            """;
        var report = new SigmaRuleLoader().LoadText(text, "f.yml");
        report.Failures.ShouldBeEmpty();
        report.Rules[1].Kind.ShouldBe(SigmaRuleKind.Filter);
        var engine = new Vigil.Detection.Engine.DetectionEngineBuilder().AddRules(report.Rules).Build();
        Hits(engine, Event(engine, ("A", "1"), ("Host", "TEST-01"))).ShouldBeEmpty();
        Hits(engine, Event(engine, ("A", "1"), ("Host", "PROD-01"))).Count.ShouldBe(1);
    }

    [Fact]
    public void Hit_ListsMatchedFieldsAndValues()
    {
        var engine = BuildEngine(Rule("sel:\n    Image|endswith: '\\cmd.exe'\n    CommandLine|contains: whoami\ncondition: sel"));
        var hit = Hits(engine, Event(engine, ("Image", "C:\\Windows\\cmd.exe"), ("CommandLine", "cmd /c whoami"), ("Other", "x"))).Single();
        hit.Matched.ShouldContain(new KeyValuePair<string, string>("Image", "C:\\Windows\\cmd.exe"));
        hit.Matched.ShouldContain(new KeyValuePair<string, string>("CommandLine", "cmd /c whoami"));
        hit.Matched.Count.ShouldBe(2);
    }
}
