using Vigil.Cli.Setup;

namespace Vigil.Cli.Tests.Setup;

public sealed class PlaceholderFileTests
{
    [Fact]
    public void Parse_MapOfLists_ReturnsValuesByName()
    {
        var result = PlaceholderFile.Parse("admins:\n  - root\n  - bob\n'%servers%': [db01, web01]\nsingle: one\n", "p.yml");

        result["admins"].ShouldBe(["root", "bob"]);
        result["servers"].ShouldBe(["db01", "web01"]);
        result["SINGLE"].ShouldBe(["one"]);
    }

    [Fact]
    public void Parse_Empty_ReturnsNothing()
        => PlaceholderFile.Parse(string.Empty, "p.yml").ShouldBeEmpty();

    [Theory]
    [InlineData("- a\n- b\n", "p.yml:1:1:")]
    [InlineData("admins:\n  nested: map\n", "p.yml:2:3:")]
    [InlineData("admins:\n  - [a, b]\n", "p.yml:2:5:")]
    [InlineData("admins: [a, b\n", "p.yml:")]
    public void Parse_NotAMapOfLists_ThrowsWithFileAndLine(string yaml, string expectedLocation)
        => Should.Throw<CliUsageException>(() => PlaceholderFile.Parse(yaml, "p.yml")).Message.ShouldStartWith(expectedLocation);

    [Fact]
    public void Load_MissingFile_ThrowsUsageError()
        => Should.Throw<CliUsageException>(() => PlaceholderFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yml")));
}
