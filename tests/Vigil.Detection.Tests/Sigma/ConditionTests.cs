using static Vigil.Detection.Tests.Sigma.RuleHarness;

namespace Vigil.Detection.Tests.Sigma;

public sealed class ConditionTests
{
    private const string Searches = "sel_a:\n    A: 1\nsel_b:\n    B: 1\nfilter:\n    C: 1\n_hidden:\n    D: 1\n";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "sel_a and sel_b", "AB", true },
        { "sel_a and sel_b", "A", false },
        { "sel_a or sel_b", "B", true },
        { "not sel_a", "B", true },
        { "not sel_a", "A", false },
        { "sel_a and not filter", "AC", false },
        { "sel_a and not filter", "A", true },
        { "not sel_a and sel_b", "B", true },
        { "not (sel_a or sel_b)", "C", true },
        { "sel_a or sel_b and filter", "A", true },
        { "(sel_a or sel_b) and filter", "A", false },
        { "1 of sel_*", "B", true },
        { "any of sel_*", "B", true },
        { "all of sel_*", "B", false },
        { "all of sel_*", "AB", true },
        { "2 of them", "AC", true },
        { "2 of them", "AD", false },
        { "all of them", "ABC", true },
        { "1 of them", "D", false },
        { "_hidden", "D", true },
        { "1 of sel_* and not 1 of filter*", "AC", false },
        { "NOT sel_a AND sel_b", "B", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Condition_Evaluates(string condition, string present, bool expected)
    {
        var fields = present.Select(c => (c.ToString(), (string?)"1")).ToArray();
        Matches($"{Searches}condition: {condition}", fields).ShouldBe(expected, condition);
    }

    [Fact]
    public void Keywords_SearchEveryField()
    {
        Matches("keywords:\n    - 'mimikatz'\n    - 'sekurlsa'\ncondition: keywords", ("X", "run sekurlsa::logonpasswords")).ShouldBeTrue();
        Matches("keywords:\n    - 'mimikatz'\ncondition: keywords", ("X", "nothing here")).ShouldBeFalse();
    }

    [Fact]
    public void ListOfMaps_IsOr()
    {
        var detection = "sel:\n    - A: 1\n      B: 2\n    - C: 3\ncondition: sel";
        Matches(detection, ("A", "1"), ("B", "2")).ShouldBeTrue();
        Matches(detection, ("A", "1")).ShouldBeFalse();
        Matches(detection, ("C", "3")).ShouldBeTrue();
    }

    [Fact]
    public void ConditionList_IsOr()
        => Matches("a:\n    A: 1\nb:\n    B: 1\ncondition:\n    - a\n    - b", ("B", "1")).ShouldBeTrue();

    [Theory]
    [InlineData("sel and", "unexpected end")]
    [InlineData("sel and missing", "unknown search identifier 'missing'")]
    [InlineData("(sel", "missing ')'")]
    [InlineData("sel | count() > 5", "aggregation")]
    [InlineData("1 of nomatch*", "matches no search identifier")]
    public void BadCondition_ReportsConstructAndReason(string condition, string reason)
    {
        var error = LoadError(Rule($"sel:\n    A: 1\ncondition: {condition}"));
        error.Construct.ShouldBe("detection.condition");
        error.Message.ShouldContain(reason);
        error.Line.ShouldBeGreaterThan(0);
    }
}
