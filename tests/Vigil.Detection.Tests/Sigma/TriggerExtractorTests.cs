using Vigil.Detection.Sigma.Compilation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>
/// The trigger of a rule (the literals the prefilter looks for) must be implied by the rule, and as selective as the
/// rule allows: every required clause up to <see cref="TriggerExtractor.MaxClauses"/>, and needles that avoid the
/// path and key parts most events contain.
/// </summary>
public sealed class TriggerExtractorTests
{
    private static readonly string[] Fields = ["Image", "CommandLine", "EventID", "Status"];

    private static string[] Trigger(string detection)
    {
        var report = new SigmaRuleLoader().LoadText(RuleHarness.Rule(detection), "test.yml");
        report.Failures.ShouldBeEmpty();
        var clauses = new TriggerExtractor(report.Rules[0].Detection!, name => Array.IndexOf(Fields, name)).Extract();
        clauses.ShouldNotBeNull();
        return [.. clauses.Select(c => string.Join(" | ", c.Select(n => $"{Fields[n.FieldId]}{(n.Whole ? "=" : "~")}{n.Text}").Order(StringComparer.Ordinal)))];
    }

    [Fact]
    public void OneSearch_KeepsBothRequiredClauses()
        => Trigger("sel:\n    EventID: 4768\n    Status:\n        - '0x9'\n        - '0xA'\ncondition: sel")
            .Order(StringComparer.Ordinal).ShouldBe(["EventID=4768", "Status=0x9 | Status=0xA"]);

    [Fact]
    public void OneSearchAndNotFilter_KeepsBothRequiredClauses()
        => Trigger("sel:\n    Image|endswith: '\\query.exe'\n    CommandLine|contains: 'session >'\nfilter:\n    CommandLine|contains: x\ncondition: sel and not filter")
            .Order(StringComparer.Ordinal).ShouldBe(["CommandLine~session >", "Image~\\query.exe"]);

    [Fact]
    public void Disjunction_UnionsTheClausesOfEachRank()
        => Trigger("a:\n    Image|endswith: '\\alpha.exe'\n    CommandLine|contains: 'first-arg'\nb:\n    Image|endswith: '\\beta.exe'\n    CommandLine|contains: 'second'\ncondition: a or b")
            .ShouldBe(["CommandLine~first-arg | CommandLine~second", "Image~\\alpha.exe | Image~\\beta.exe"]);

    [Fact]
    public void Disjunction_WithAPartOfOneClause_KeepsOneClause()
        => Trigger("a:\n    Image|endswith: '\\alpha.exe'\n    CommandLine|contains: 'first-arg'\nb:\n    Image|endswith: '\\beta.exe'\ncondition: a or b")
            .ShouldBe(["CommandLine~first-arg | Image~\\beta.exe"]);

    [Fact]
    public void LongLiteral_IsCutToItsLeastCommonWindow()
    {
        Needle.Substring(0, ":\\Windows\\System32\\query.exe").Text.ShouldBe("s\\System32\\query");
        Needle.Substring(0, "\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Notification").Text.ShouldBe("Lsa\\Notification");
        Needle.Substring(0, "abcdefghijklmnopqrstuvwxyz").Text.ShouldBe("abcdefghijklmnop");
        Needle.Substring(0, "short").Text.ShouldBe("short");
    }

    [Fact]
    public void Score_IgnoresCommonParts()
        => Needle.Substring(0, "C:\\Windows\\").Score.ShouldBeLessThan(Needle.Substring(0, "mimikatz").Score);
}
