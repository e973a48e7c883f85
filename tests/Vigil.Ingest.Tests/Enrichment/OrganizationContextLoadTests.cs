using System.Text;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;
using Vigil.Ingest.Enrichment.Indicators;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class OrganizationContextLoadTests
{
    [Fact]
    public void Load_MissingFolder_IsOneClearError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "vigil-no-such-" + Guid.NewGuid().ToString("N"));

        var result = OrganizationContext.Load(missing);

        var error = result.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe(missing);
        error.Message.ShouldContain("does not exist");
        result.Context.Assets.Assets.ShouldBeEmpty();
    }

    [Fact]
    public void Load_EmptyFolder_IsAnEmptyContextWithoutErrors()
    {
        using var dir = new TempDirectory();

        var result = ContextFolder.Load(dir);

        result.Errors.ShouldBeEmpty();
        result.Files.ShouldBeEmpty();
        result.Context.Identities.Resolve("jdoe").Kind.ShouldBe(IdentityMatchKind.Unresolved);
        result.Context.Assets.Resolve("10.0.0.1").Resolved.ShouldBeFalse();
        result.Context.Indicators.All.ShouldBeEmpty();
        result.Context.LoadedAt.ShouldBe(ContextFolder.Now);
    }

    [Fact]
    public void Load_FilesByName_OthersListedAsIgnored()
    {
        using var dir = new TempDirectory();
        dir.Write("assets.yml", "assets:\n  - name: A\n");
        dir.Write("sub/identities.csv", "id\nx\n");
        dir.Write("indicators-2026.csv", "type,value\nip,192.0.2.1\n");
        dir.Write("feeds/isac.json", """{"type":"bundle","objects":[]}""");
        dir.Write("asset.csv", "name\nB\n");
        dir.Write("README.md", "# notes");

        var result = ContextFolder.Load(dir);

        result.Errors.ShouldBeEmpty();
        result.Files.ShouldBe(["assets.yml", "sub/identities.csv", "feeds/isac.json", "indicators-2026.csv"]);
        result.IgnoredFiles.ShouldBe(["README.md", "asset.csv"]);
    }

    [Fact]
    public void Load_BadRows_AreReportedWithFileAndLineAndTheRestLoads()
    {
        var result = ContextFolder.Load(
            ("assets.csv", "\uFEFFname,ip,criticality\r\nA,10.0.0.1,high\r\nB,10.0.0.x,low\r\n\"C, the third\",10.0.0.3,medium\r\nD,10.0.0.4,low,extra\r\n"),
            ("identities.csv", "id,upn,colour\r\nu1,u1@corp.example,blue\r\n"));

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "assets.csv:3: field 'ip': '10.0.0.x' is not an IP address or CIDR prefix; the row is skipped",
            "assets.csv:5: the record has 4 fields but the header names 3; the record is skipped",
            "identities.csv:1: unknown column 'colour' (column 3) is ignored; known columns: id, display_name, sam, upn, email, sid, aliases, groups, privileged, peer_group, business_unit, manager",
        ]);
        result.Context.Assets.Assets.Select(a => a.Name).ShouldBe(["A", "C, the third"]);
        result.Context.Identities.Resolve("u1@corp.example").Resolved.ShouldBeTrue();
    }

    [Theory]
    [InlineData("assets:\n  - name: A\n    ip: [10.0.0.1\n", "invalid YAML")]
    [InlineData("assets:\n  - name: A\n\t- name: B\n", "invalid YAML")]
    [InlineData("- just\n- a list\n", "expected a mapping at the top")]
    [InlineData("assets: 3\n", "must be a list")]
    [InlineData("hosts:\n  - name: A\n", "no 'assets' list")]
    [InlineData("assets:\n  - name: A\n---\nassets: []\n", "one YAML document")]
    [InlineData("assets:\n  - *nothing\n", "names no anchor")]
    public void Load_MalformedYaml_IsReportedWithLine(string yaml, string reason)
    {
        var errors = ContextFolder.Load(("assets.yaml", yaml)).Errors;

        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.File == "assets.yaml" && e.Message.Contains(reason, StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Fact]
    public void Load_YamlEntryErrors_SkipTheEntryOnly()
    {
        var result = ContextFolder.Load(("assets.yaml", """
            assets:
              - name: A
                owner: { team: x }
              - just text
              - name: B
                colour: blue
              - name: C
            """));

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(3, 12), (4, 5), (6, 5)]);
        result.Context.Assets.Assets.Select(a => a.Name).ShouldBe(["B", "C"]);
    }

    [Fact]
    public void Load_YamlAliasesWithinBounds_AreExpanded()
    {
        var result = ContextFolder.Load(("assets.yaml", """
            assets:
              - name: A
                tags: &std [managed, edr]
              - name: B
                tags: *std
            """));

        result.Errors.ShouldBeEmpty();
        result.Context.Assets.Resolve("B").Asset!.Tags.ShouldBe(["managed", "edr"]);
    }

    [Fact]
    public void Load_BillionLaughsYaml_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        yaml.Append("assets: *a11\n");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = ContextFolder.Load(("assets.yaml", yaml.ToString())).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("more than 1000000 nodes");
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Load_DeeplyNestedYaml_IsRefused()
    {
        var yaml = "assets: " + new string('[', 50_000) + new string(']', 50_000) + "\n";

        ContextFolder.Load(("assets.yaml", yaml)).Errors.ShouldHaveSingleItem().Message.ShouldContain("nested deeper than");
    }

    [Fact]
    public void Load_HugeCsvLine_IsSkippedAndTheRestLoads()
    {
        var csv = "type,value\nurl,http://x.example/" + new string('a', 1_000_000) + "\nip,192.0.2.1\n";

        var result = ContextFolder.Load(("indicators.csv", csv));

        result.Errors.ShouldHaveSingleItem().Line.ShouldBe(2);
        result.Context.Indicators.All.ShouldHaveSingleItem().Value.ShouldBe("192.0.2.1");
    }

    [Fact]
    public void Load_Samples_HasNoErrorsAndResolvesTheDemoOrganisation()
    {
        var result = OrganizationContext.Load(Path.Combine(SharedData.RepoRoot, "samples", "context"));

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var context = result.Context;
        context.Assets.Resolve("DC01.corp.example").Asset!.Criticality.ShouldBe(AssetCriticality.Critical);
        context.Assets.Resolve("10.20.3.16").Asset!.Name.ShouldBe("Workstation VLAN, Engineering");
        context.Assets.Resolve("WS-0408").Resolved.ShouldBeFalse();
        context.Identities.Resolve(@"CORP\jdoe").Identity!.Id.ShouldBe("jdoe");
        context.Identities.Resolve("S-1-5-21-3623811015-3361044348-30300820-1503").Identity!.Privileged.ShouldBeTrue();
        context.Identities.Resolve("tnguyen@corp.example").Kind.ShouldBe(IdentityMatchKind.Unresolved);
        context.Identities.Resolve("FS01$").Machine!.Name.ShouldBe("FS01");
        var eventTime = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        context.Indicators.Match(IndicatorKind.IpAddress, "198.51.100.61", eventTime)!.Source.ShouldBe("Demo ISAC");
        context.Indicators.Match(IndicatorKind.IpAddress, "198.51.100.23", eventTime)!.Techniques.ShouldBe(["T1110", "T1078"]);
        context.Indicators.All.Single(i => i.Kind == IndicatorKind.Sha256).Techniques.ShouldBe(["T1505.003"]);
    }
}
