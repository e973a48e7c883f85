using System.Text;
using static Vigil.Detection.Tests.Sigma.RuleHarness;

namespace Vigil.Detection.Tests.Sigma;

public sealed class ModifierTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // plain values: whole-value, case-insensitive, wildcards
        { "sel:\n    F: abc\ncondition: sel", "ABC", true },
        { "sel:\n    F: abc\ncondition: sel", "abcd", false },
        { "sel:\n    F: 'a*c'\ncondition: sel", "aXYZc", true },
        { "sel:\n    F: 'a?c'\ncondition: sel", "abc", true },
        { "sel:\n    F: 'a?c'\ncondition: sel", "abbc", false },
        { "sel:\n    F: 'a\\*c'\ncondition: sel", "a*c", true },
        { "sel:\n    F: 'a\\*c'\ncondition: sel", "abc", false },
        { "sel:\n    F: 'a\\?c'\ncondition: sel", "abc", false },
        { "sel:\n    F: 'C:\\Windows\\\\*'\ncondition: sel", "c:\\windows\\system32", true },
        { "sel:\n    F: 'C:\\Windows\\*'\ncondition: sel", "c:\\windows\\system32", false },
        { "sel:\n    F: 'C:\\Windows\\*'\ncondition: sel", "C:\\Windows*", true },
        { "sel:\n    F: 'a\\\\*'\ncondition: sel", "a\\xyz", true },
        // beyond ASCII case folding
        { "sel:\n    F: 'ÄRGER'\ncondition: sel", "ärger", true },
        { "sel:\n    F|contains: 'ΣΊΣΥΦΟΣ'\ncondition: sel", "o σίσυφοσ x", true },
        // contains / startswith / endswith
        { "sel:\n    F|contains: bad\ncondition: sel", "xxBADxx", true },
        { "sel:\n    F|startswith: bad\ncondition: sel", "badxx", true },
        { "sel:\n    F|startswith: bad\ncondition: sel", "xbad", false },
        { "sel:\n    F|endswith: '.exe'\ncondition: sel", "A.EXE", true },
        { "sel:\n    F|endswith: '.exe'\ncondition: sel", "a.exe.txt", false },
        // lists are OR, all makes them AND
        { "sel:\n    F|contains:\n        - one\n        - two\ncondition: sel", "xtwox", true },
        { "sel:\n    F|contains|all:\n        - one\n        - two\ncondition: sel", "one two", true },
        { "sel:\n    F|contains|all:\n        - one\n        - two\ncondition: sel", "one only", false },
        // cased
        { "sel:\n    F|cased: Abc\ncondition: sel", "Abc", true },
        { "sel:\n    F|cased: Abc\ncondition: sel", "abc", false },
        { "sel:\n    F|contains|cased: Abc\ncondition: sel", "xabcx", false },
        // regex: case-sensitive by default, i/m/s sub-modifiers
        { "sel:\n    F|re: '^ab+c$'\ncondition: sel", "abbbc", true },
        { "sel:\n    F|re: '^ab+c$'\ncondition: sel", "ABBC", false },
        { "sel:\n    F|re|i: '^ab+c$'\ncondition: sel", "ABBC", true },
        { "sel:\n    F|re: '^b$'\ncondition: sel", "a\nb", false },
        { "sel:\n    F|re|m: '^b$'\ncondition: sel", "a\nb", true },
        { "sel:\n    F|re: 'a.b'\ncondition: sel", "a\nb", false },
        { "sel:\n    F|re|s: 'a.b'\ncondition: sel", "a\nb", true },
        // cidr v4 and v6
        { "sel:\n    F|cidr: 10.0.0.0/8\ncondition: sel", "10.20.30.40", true },
        { "sel:\n    F|cidr: 10.0.0.0/8\ncondition: sel", "11.0.0.1", false },
        { "sel:\n    F|cidr: 10.0.0.0/8\ncondition: sel", "not-an-ip", false },
        { "sel:\n    F|cidr: 'fe80::/10'\ncondition: sel", "fe80::1", true },
        { "sel:\n    F|cidr: 'fe80::/10'\ncondition: sel", "2001:db8::1", false },
        { "sel:\n    F|cidr: '192.168.1.7/24'\ncondition: sel", "192.168.1.200", true },
        // numeric comparisons
        { "sel:\n    F|gt: 10\ncondition: sel", "11", true },
        { "sel:\n    F|gt: 10\ncondition: sel", "10", false },
        { "sel:\n    F|gte: 10\ncondition: sel", "10", true },
        { "sel:\n    F|lt: 10\ncondition: sel", "9.5", true },
        { "sel:\n    F|lte: 10\ncondition: sel", "10.1", false },
        { "sel:\n    F|gt: 10\ncondition: sel", "eleven", false },
        // neq
        { "sel:\n    F|neq: abc\ncondition: sel", "abd", true },
        { "sel:\n    F|neq: abc\ncondition: sel", "ABC", false },
        { "sel:\n    F|neq:\n        - a\n        - b\ncondition: sel", "b", false },
        // numbers and booleans compare as their text
        { "sel:\n    F: 4688\ncondition: sel", "4688", true },
        { "sel:\n    F: true\ncondition: sel", "True", true },
        // empty string
        { "sel:\n    F: ''\ncondition: sel", "", true },
        { "sel:\n    F: ''\ncondition: sel", "x", false },
        // time modifiers
        { "sel:\n    F|hour: 23\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|hour: 23\ncondition: sel", "2026-11-02T22:15:00Z", false },
        { "sel:\n    F|minute: 15\ncondition: sel", "2026-11-02 23:15:09", true },
        { "sel:\n    F|day: 2\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|month: 11\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|year: 2026\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|week: 45\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|hour|gte: 22\ncondition: sel", "2026-11-02T23:15:00Z", true },
        { "sel:\n    F|hour: 23\ncondition: sel", "not a date", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Modifier_OnValue_MatchesAsSpecified(string detection, string value, bool expected)
        => Matches(detection, ("F", value)).ShouldBe(expected, $"{detection} on '{value}'");

    [Theory]
    [InlineData("-enc", "x -enc y", true)]
    [InlineData("-enc", "x /enc y", true)]
    [InlineData("-enc", "x \u2013enc y", true)]
    [InlineData("-enc", "x \u2014enc y", true)]
    [InlineData("-enc", "x \u2015enc y", true)]
    [InlineData("-enc", "x +enc y", false)]
    [InlineData("-a -b", "/a \u2013b", true)]
    public void Windash_ExpandsEveryDashVariant(string pattern, string value, bool expected)
        => Matches($"sel:\n    F|windash|contains: '{pattern}'\ncondition: sel", ("F", value)).ShouldBe(expected);

    [Fact]
    public void Base64_MatchesEncodedValue()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("http://"));
        Matches("sel:\n    F|base64: 'http://'\ncondition: sel", ("F", encoded)).ShouldBeTrue();
        Matches("sel:\n    F|base64|contains: 'http://'\ncondition: sel", ("F", "xx" + encoded + "yy")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("some prefix text that shifts ")]
    public void Base64Offset_FindsValueAtEveryAlignment(string prefix)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + "Invoke-Mimikatz" + " trailing"));
        Matches("sel:\n    F|base64offset|contains: 'Invoke-Mimikatz'\ncondition: sel", ("F", encoded)).ShouldBeTrue();
    }

    [Fact]
    public void Base64Offset_DoesNotMatchOtherText()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("Get-Process -Name x"));
        Matches("sel:\n    F|base64offset|contains: 'Invoke-Mimikatz'\ncondition: sel", ("F", encoded)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("utf16le")]
    public void Utf16Le_WithBase64Offset_MatchesPowerShellEncodedCommand(string modifier)
    {
        var encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes("$x = 1; IEX (New-Object Net.WebClient)"));
        Matches($"sel:\n    F|{modifier}|base64offset|contains: 'IEX ('\ncondition: sel", ("F", "powershell -enc " + encoded)).ShouldBeTrue();
    }

    [Fact]
    public void Utf16Be_AndUtf16Bom_EncodeAsSpecified()
    {
        var be = Convert.ToBase64String(Encoding.BigEndianUnicode.GetBytes("cmd"));
        Matches("sel:\n    F|utf16be|base64: 'cmd'\ncondition: sel", ("F", be)).ShouldBeTrue();
        var bom = Convert.ToBase64String([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("cmd")]);
        Matches("sel:\n    F|utf16|base64: 'cmd'\ncondition: sel", ("F", bom)).ShouldBeTrue();
    }

    [Fact]
    public void Exists_TrueAndFalse()
    {
        Matches("sel:\n    F|exists: true\ncondition: sel", ("F", "")).ShouldBeTrue();
        Matches("sel:\n    F|exists: true\ncondition: sel", ("G", "x")).ShouldBeFalse();
        Matches("sel:\n    F|exists: false\ncondition: sel", ("G", "x")).ShouldBeTrue();
        Matches("sel:\n    F|exists: false\ncondition: sel", ("F", null)).ShouldBeFalse();
    }

    [Fact]
    public void Null_MatchesMissingOrJsonNull_NotEmptyString()
    {
        Matches("sel:\n    F: null\ncondition: sel", ("G", "x")).ShouldBeTrue();
        Matches("sel:\n    F: null\ncondition: sel", ("F", null)).ShouldBeTrue();
        Matches("sel:\n    F: null\ncondition: sel", ("F", "")).ShouldBeFalse();
        Matches("sel:\n    F: null\ncondition: sel", ("F", "x")).ShouldBeFalse();
        Matches("sel:\n    F: ''\ncondition: sel", ("G", "x")).ShouldBeFalse();
    }

    [Fact]
    public void FieldRef_ComparesTwoFields()
    {
        Matches("sel:\n    A|fieldref: B\ncondition: sel", ("A", "x"), ("B", "X")).ShouldBeTrue();
        Matches("sel:\n    A|fieldref: B\ncondition: sel", ("A", "x"), ("B", "y")).ShouldBeFalse();
        Matches("sel:\n    A|fieldref|contains: B\ncondition: sel", ("A", "abc"), ("B", "b")).ShouldBeTrue();
        Matches("sel:\n    A|fieldref|startswith: B\ncondition: sel", ("A", "abc"), ("B", "ab")).ShouldBeTrue();
        Matches("sel:\n    A|fieldref|endswith: B\ncondition: sel", ("A", "abc"), ("B", "ab")).ShouldBeFalse();
        Matches("sel:\n    A|fieldref|neq: B\ncondition: sel", ("A", "x"), ("B", "y")).ShouldBeTrue();
        Matches("sel:\n    A|fieldref: B\ncondition: sel", ("A", "x")).ShouldBeFalse();
    }

    [Fact]
    public void Expand_UsesConfiguredPlaceholderValues()
    {
        var options = new Vigil.Detection.Sigma.Parsing.SigmaLoadOptions
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["admins"] = ["alice", "bob*"],
            },
        };
        var engine = BuildEngine(Rule("sel:\n    User|expand: '%admins%'\ncondition: sel"), options);
        Hits(engine, Event(engine, ("User", "ALICE"))).ShouldNotBeEmpty();
        Hits(engine, Event(engine, ("User", "bobby"))).ShouldNotBeEmpty();
        Hits(engine, Event(engine, ("User", "carol"))).ShouldBeEmpty();
    }

    [Fact]
    public void Expand_UnknownPlaceholder_LoadsWithWarningAndNeverMatches()
    {
        var report = new Vigil.Detection.Sigma.Parsing.SigmaRuleLoader().LoadText(Rule("sel:\n    User|expand: '%nope%'\ncondition: sel"), "t.yml");
        report.Rules.Count.ShouldBe(1);
        report.Rules[0].Warnings.ShouldContain(w => w.Message.Contains("nope", StringComparison.Ordinal));
        var engine = new Vigil.Detection.Engine.DetectionEngineBuilder().AddRules(report.Rules).Build();
        Hits(engine, Event(engine, ("User", "%nope%"))).ShouldBeEmpty();
    }

    [Fact]
    public void MultiValuedField_MatchesWhenAnyElementMatches()
        => Matches("sel:\n    F: b\ncondition: sel", ("F", "a"), ("F", "b")).ShouldBeTrue();
}
