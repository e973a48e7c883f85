using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class AttackCatalogBuiltInTests
{
    private static AttackCatalog Catalog => AttackCatalog.BuiltIn;

    [Fact]
    public void BuiltIn_HasTheFourteenEnterpriseTacticsAndNoTechniques()
    {
        Catalog.Source.ShouldBe("built-in");
        Catalog.Tactics.Count.ShouldBe(14);
        Catalog.Tactics.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count().ShouldBe(14);
        Catalog.TechniqueCount.ShouldBe(0);
        Catalog.TryGetTactic("TA0011", out var c2).ShouldBeTrue();
        c2.ShortName.ShouldBe("command-and-control");
    }

    [Fact]
    public void BuiltIn_MatchesTheSharedTacticsFile()
    {
        var directory = AttackCatalog.FindDefaultDirectory().ShouldNotBeNull();

        Catalog.Tactics.ShouldBe(AttackCatalog.Load(directory).Tactics);
    }

    [Fact]
    public void Map_TechniqueNamesAreTheirIds()
    {
        var mapping = Catalog.Map(["attack.execution", "attack.t1059.001"]);

        mapping.Techniques.ShouldBe([new AttackTechnique("T1059.001", "T1059.001")]);
        mapping.Tactics.Select(t => t.Name).ShouldBe(["Execution"]);
    }

    [Fact]
    public void Map_TechniqueWithoutTactic_HasNoTactics()
        => Catalog.Map(["attack.t1059.001"]).Tactics.ShouldBeEmpty();

    [Fact]
    public void Map_V19AndUnderscoreTacticNames_AreAccepted()
        => Catalog.Map(["attack.stealth", "attack.defense-impairment", "attack.command_and_control"]).Tactics.Select(t => t.Id)
            .ShouldBe(["TA0005", "TA0011"]);

    [Fact]
    public void Check_BuiltIn_DoesNotReportTechniquesAsMissing()
    {
        Catalog.Check(["attack.t1059.001"]).ShouldBeEmpty();
        Catalog.UnknownTags(["attack.g0001", "attack.execution"]).ShouldBe(["attack.g0001"]);
    }

    [Fact]
    public void FindDirectory_ConfiguredDirectoryMissing_ReturnsNullWithoutSearching()
        => AttackCatalog.FindDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), AppContext.BaseDirectory).ShouldBeNull();

    [Fact]
    public void FindDirectory_ConfiguredDirectoryExists_IsReturned()
    {
        var dir = Path.GetTempPath();

        AttackCatalog.FindDirectory(dir).ShouldBe(Path.GetFullPath(dir));
    }

    [Fact]
    public void FindDirectory_NotConfigured_WalksUpToSharedData()
    {
        var found = AttackCatalog.FindDirectory(null, AppContext.BaseDirectory).ShouldNotBeNull();

        File.Exists(Path.Combine(found, "techniques.tsv")).ShouldBeTrue();
        found.Replace('\\', '/').ShouldEndWith("shared/data/attack");
    }
}
