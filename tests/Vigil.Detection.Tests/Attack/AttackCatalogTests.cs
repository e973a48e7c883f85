using Vigil.Detection.Attack;

namespace Vigil.Detection.Tests.Attack;

public sealed class AttackCatalogTests
{
    private static readonly AttackCatalog Catalog = AttackCatalog.Load(FindDirectory());

    [Fact]
    public void Load_SharedFiles_ReadsTacticsInMatrixOrderAndTechniques()
    {
        Catalog.Tactics.Count.ShouldBe(14);
        Catalog.Tactics[0].ShouldBe(new AttackTactic("TA0043", "reconnaissance", "Reconnaissance"));
        Catalog.Tactics[^1].ShouldBe(new AttackTactic("TA0040", "impact", "Impact"));
        Catalog.TechniqueCount.ShouldBe(835);
        Catalog.TryGetTechnique("t1059.001", out var ps).ShouldBeTrue();
        ps.ShouldBe(new AttackTechnique("T1059.001", "PowerShell"));
    }

    [Fact]
    public void Map_TechniqueAndTacticTags_GivesNamesAndTheTaggedTacticsOnly()
    {
        var mapping = Catalog.Map(["attack.execution", "attack.t1059.001", "attack.T1059.001", "cve.2021-44228"]);

        mapping.Tactics.ShouldBe([new AttackTactic("TA0002", "execution", "Execution")]);
        mapping.Techniques.ShouldBe([new AttackTechnique("T1059.001", "PowerShell")]);
    }

    [Fact]
    public void Map_TacticsComeOutInMatrixOrder()
    {
        var mapping = Catalog.Map(["attack.impact", "attack.initial-access", "attack.execution"]);

        mapping.Tactics.Select(t => t.Id).ShouldBe(["TA0001", "TA0002", "TA0040"]);
        mapping.Techniques.ShouldBeEmpty();
    }

    [Fact]
    public void Map_TechniquesWithoutTactic_DerivesTacticsFromTheCatalog()
    {
        var mapping = Catalog.Map(["attack.t1053.005"]);

        mapping.Techniques.ShouldBe([new AttackTechnique("T1053.005", "Scheduled Task")]);
        mapping.Tactics.Select(t => t.ShortName).ShouldBe(["execution", "persistence", "privilege-escalation"]);
    }

    [Fact]
    public void Map_V19TacticNames_MapToDefenseEvasion()
    {
        var mapping = Catalog.Map(["attack.stealth", "attack.defense-impairment", "attack.t1562.001"]);

        mapping.Tactics.ShouldBe([new AttackTactic("TA0005", "defense-evasion", "Defense Evasion")]);
        Catalog.Check(["attack.stealth"]).ShouldHaveSingleItem().Kind.ShouldBe(AttackTagIssueKind.TacticAlias);
    }

    [Fact]
    public void Map_RevokedTechnique_MapsToItsReplacementAndCheckSaysSo()
    {
        var mapping = Catalog.Map(["attack.t1086"]);

        mapping.Techniques.ShouldBe([new AttackTechnique("T1059.001", "PowerShell")]);
        mapping.Tactics.Select(t => t.ShortName).ShouldBe(["execution"]);
        var issue = Catalog.Check(["attack.t1086"]).ShouldHaveSingleItem();
        issue.Kind.ShouldBe(AttackTagIssueKind.Revoked);
        issue.Detail.ShouldContain("T1059.001");
    }

    [Fact]
    public void Map_TechniqueNotInCatalog_IsKeptNamedByIdAndReported()
    {
        var mapping = Catalog.Map(["attack.t1685.001", "attack.stealth"]);

        mapping.Techniques.ShouldBe([new AttackTechnique("T1685.001", "T1685.001")]);
        mapping.Tactics.Select(t => t.Id).ShouldBe(["TA0005"]);
        Catalog.Check(["attack.t1685.001"]).ShouldHaveSingleItem().Kind.ShouldBe(AttackTagIssueKind.NotInCatalog);
    }

    [Fact]
    public void Map_UnknownSubTechniqueOfKnownParent_DerivesTheParentsTacticsAndIsReported()
    {
        Catalog.Map(["attack.t1059.999"]).Tactics.Select(t => t.ShortName).ShouldBe(["execution"]);
        Catalog.Check(["attack.t1059.999"]).ShouldHaveSingleItem().Kind.ShouldBe(AttackTagIssueKind.NotInCatalog);
    }

    [Fact]
    public void Check_TagsThatMapAsWritten_HaveNoIssues()
        => Catalog.Check(["attack.execution", "attack.t1059.001", "attack.T1003", "cve.2021-44228"]).ShouldBeEmpty();

    [Fact]
    public void UnknownTags_GroupsSoftwareAndUnknownNames_AreListedAndNotMapped()
    {
        string[] tags = ["attack.g0016", "attack.s0002", "attack.ds0005", "attack.nonsense", "attack.t1059", "detection.threat-hunting"];

        Catalog.UnknownTags(tags).ShouldBe(["attack.g0016", "attack.s0002", "attack.ds0005", "attack.nonsense"]);
        var mapping = Catalog.Map(tags);
        mapping.Techniques.ShouldBe([new AttackTechnique("T1059", "Command and Scripting Interpreter")]);
        mapping.Tactics.Select(t => t.ShortName).ShouldBe(["execution"]);
    }

    [Fact]
    public void Map_NoAttackTags_IsEmpty()
        => Catalog.Map(["cve.2021-44228", "detection.emerging-threats"]).ShouldBeSameAs(AttackMapping.Empty);

    [Fact]
    public void Map_DeprecatedTechnique_IsKeptAndReported()
    {
        Catalog.Map(["attack.t1064"]).Techniques.ShouldHaveSingleItem().Id.ShouldBe("T1064");
        Catalog.Check(["attack.t1064"]).ShouldHaveSingleItem().Kind.ShouldBe(AttackTagIssueKind.Deprecated);
    }

    [Fact]
    public void Map_ConcurrentCallers_GetTheSameAnswers()
    {
        string[] tags = ["attack.t1003.001", "attack.credential-access"];
        var expected = Catalog.Map(tags);

        Parallel.For(0, 200, _ =>
        {
            var mapping = Catalog.Map(tags);
            mapping.Tactics.ShouldBe(expected.Tactics);
            mapping.Techniques.ShouldBe(expected.Techniques);
        });
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsFileNotFound()
        => Should.Throw<FileNotFoundException>(() => AttackCatalog.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

    [Fact]
    public void Load_BadTechniqueRow_NamesFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-attack-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "tactics.tsv"), "id\tshortname\tname\nTA0002\texecution\tExecution\n");
            File.WriteAllText(
                Path.Combine(dir, "techniques.tsv"),
                "id\tname\ttactics\tis_subtechnique\tdeprecated_or_revoked\tparent\nT1059\tCmd\texecution\tfalse\tfalse\t\nT1\tX\tnope\tfalse\tfalse\t\n");
            var ex = Should.Throw<InvalidDataException>(() => AttackCatalog.Load(dir));
            ex.Message.ShouldContain(":3:");
            ex.Message.ShouldContain("nope");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_SigmaHqTags_EveryTechniqueTagMaps()
    {
        var tags = Directory.EnumerateFiles(TestPaths.SigmaRules, "*.yml", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- attack.", StringComparison.Ordinal))
            .Select(l => l[2..].Split('#')[0].Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var unknown = Catalog.UnknownTags(tags);

        tags.Count.ShouldBeGreaterThan(300);
        unknown.ShouldAllBe(t => t.StartsWith("attack.g", StringComparison.Ordinal) || t.StartsWith("attack.s", StringComparison.Ordinal)
            || t.StartsWith("attack.ds", StringComparison.Ordinal));
    }

    private static string FindDirectory()
        => AttackCatalog.FindDefaultDirectory() ?? throw new InvalidOperationException("shared/data/attack not found above the test directory");
}
