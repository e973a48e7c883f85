using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Tests.Sigma;

public sealed class RegexLiteralTests
{
    [Theory]
    [InlineData(@"\\rundll32\.exe", @"\rundll32.exe")]
    [InlineData(@"^abc\d+defgh$", "defgh")]
    [InlineData(@"abcd?ef", "abc")]
    [InlineData(@"x(a|b)yyyy", "yyyy")]
    [InlineData(@"abc[0-9]{2}defg", "defg")]
    [InlineData(@"ab+cdef", "cdef")]
    [InlineData(@"(?i)mimikatz", "mimikatz")]
    [InlineData(@"ab{2}cde", "cde")]
    [InlineData(@"x{1000}yyyy", "yyyy")]
    public void Extract_FindsAMandatoryLiteral(string pattern, string expected)
        => RegexLiteral.Extract(pattern).ShouldBe(expected);

    [Theory]
    [InlineData(@"abc|defg")]
    [InlineData(@"a.b.c")]
    [InlineData(@"(abcdef)?")]
    [InlineData(@"[abc]+\d")]
    [InlineData(@"(?x) a b c d")]
    [InlineData(@".{1000,}")]
    [InlineData(@"a{2,30}")]
    public void Extract_ReturnsNullWhenNothingIsMandatory(string pattern)
        => RegexLiteral.Extract(pattern).ShouldBeNull();
}
