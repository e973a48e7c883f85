using Vigil.Detection.Engine;
using static Vigil.Detection.Tests.Sigma.RuleHarness;

namespace Vigil.Detection.Tests.Sigma;

public sealed class RegexSafetyTests
{
    [Fact]
    public void CatastrophicPattern_RunsOnTheLinearEngine()
    {
        // (a+)+$ takes exponential time on a backtracking engine for "aaaa...!"; NonBacktracking is linear.
        var engine = BuildEngine(Rule("sel:\n    F|re: '^(a+)+$'\ncondition: sel"));
        var hostile = new string('a', 20_000) + "!";
        Hits(engine, Event(engine, ("F", hostile))).ShouldBeEmpty();
        Hits(engine, Event(engine, ("F", "aaaa"))).Count.ShouldBe(1);
    }

    [Fact]
    public void BacktrackingOnlyPattern_LoadsWithWarning_AndTimesOutInsteadOfStalling()
    {
        var report = new Vigil.Detection.Sigma.Parsing.SigmaRuleLoader().LoadText(Rule("sel:\n    F|re: '^(a+)+\\1b$'\ncondition: sel"), "t.yml");
        report.Rules.Single().Warnings.ShouldContain(w => w.Message.Contains("timeout", StringComparison.Ordinal));
        var engine = new DetectionEngineBuilder().AddRules(report.Rules).Build();
        var before = DetectionEngine.RegexTimeouts;
        Hits(engine, Event(engine, ("F", new string('a', 40) + "c"))).ShouldBeEmpty();
        DetectionEngine.RegexTimeouts.ShouldBeGreaterThan(before);
        Hits(engine, Event(engine, ("F", "aab"))).Count.ShouldBe(1);
    }
}
