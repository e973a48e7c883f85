using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class AssetResolverTests
{
    private const string Assets = """
        name,fqdn,ip,owner,business_unit,criticality,tags,type
        DC01,dc01.corp.example,10.20.0.10,it,IT,critical,domain-controller,server
        WS-0142,ws-0142.corp.example;ws-0142.lab.example,10.20.8.44;2001:db8::42,jdoe,Finance,Medium,,workstation
        jump.corp.example,,10.20.40.11,it,IT,high,jump-host,server
        Servers,,10.20.0.0/24,it,IT,high,,network
        Corp,,10.0.0.0/8;2001:db8::/32,it,IT,low,,network
        Eng,,10.20.3.0/24,it,Eng,medium,,network
        Eng lab,,10.20.3.128/25,it,Eng,low,,network
        """;

    private static readonly AssetResolver Resolver = ContextFolder.Load(("assets.csv", Assets)).Context.Assets;

    [Theory]
    [InlineData("DC01", "DC01", AssetMatchKind.Name)]
    [InlineData("dc01", "DC01", AssetMatchKind.Name)]
    [InlineData("  Ws-0142 ", "WS-0142", AssetMatchKind.Name)]
    [InlineData("DC01.CORP.EXAMPLE", "DC01", AssetMatchKind.Fqdn)]
    [InlineData("dc01.corp.example.", "DC01", AssetMatchKind.Fqdn)]
    [InlineData("ws-0142.lab.example", "WS-0142", AssetMatchKind.Fqdn)]
    [InlineData("dc01.other.example", "DC01", AssetMatchKind.FqdnFirstLabel)]
    [InlineData("jump", "jump", AssetMatchKind.Name)]
    [InlineData("jump.corp.example", "jump", AssetMatchKind.Fqdn)]
    [InlineData("10.20.0.10", "DC01", AssetMatchKind.Address)]
    [InlineData("010.020.000.010", "DC01", AssetMatchKind.Address)]
    [InlineData("::ffff:10.20.8.44", "WS-0142", AssetMatchKind.Address)]
    [InlineData("2001:DB8:0:0::42", "WS-0142", AssetMatchKind.Address)]
    [InlineData("[2001:db8::42]", "WS-0142", AssetMatchKind.Address)]
    [InlineData("10.20.0.99", "Servers", AssetMatchKind.Prefix)]
    [InlineData("10.20.3.7", "Eng", AssetMatchKind.Prefix)]
    [InlineData("10.20.3.200", "Eng lab", AssetMatchKind.Prefix)]
    [InlineData("10.99.1.1", "Corp", AssetMatchKind.Prefix)]
    [InlineData("2001:db8:1::1", "Corp", AssetMatchKind.Prefix)]
    public void Resolve_KnownForms_FindTheAsset(string raw, string name, AssetMatchKind kind)
    {
        var result = Resolver.Resolve(raw);

        result.Asset.ShouldNotBeNull().Name.ShouldBe(name);
        result.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("WS-0408")]
    [InlineData("nas01.corp.example")]
    [InlineData("192.0.2.15")]
    [InlineData("10.20.0.256")]
    [InlineData("fe80::1")]
    public void Resolve_Unknown_IsNone(string raw)
    {
        var result = Resolver.Resolve(raw);

        result.Resolved.ShouldBeFalse();
        result.Kind.ShouldBe(AssetMatchKind.None);
    }

    [Fact]
    public void Resolve_Prefix_ReportsIpv4PrefixLength()
    {
        Resolver.Resolve("10.20.3.200").PrefixLength.ShouldBe(25);
        Resolver.Resolve("10.1.1.1").PrefixLength.ShouldBe(8);
    }

    [Fact]
    public void Load_Fields_AreKept()
    {
        var dc = Resolver.Resolve("DC01").Asset.ShouldNotBeNull();

        dc.Criticality.ShouldBe(AssetCriticality.Critical);
        dc.HasTag("Domain-Controller").ShouldBeTrue();
        dc.Owner.ShouldBe("it");
        dc.BusinessUnit.ShouldBe("IT");
        dc.Type.ShouldBe("server");
        dc.Fqdns.ShouldBe(["dc01.corp.example"]);
        Resolver.Resolve("jump").Asset!.Fqdns.ShouldBe(["jump.corp.example"]);
        Resolver.Resolve("Eng lab").Asset!.Addresses.ShouldBe(["10.20.3.128/25"]);
    }

    [Fact]
    public void Resolve_ManyPrefixes_LongestWins()
    {
        var rows = new System.Text.StringBuilder("name,ip\n");
        for (var i = 0; i < 3000; i++)
        {
            rows.Append($"net{i},10.{i / 256}.{i % 256}.0/24\n");
        }

        rows.Append("host,10.3.7.9\nwide,10.0.0.0/12\n");
        var resolver = ContextFolder.Load(("assets.csv", rows.ToString())).Context.Assets;

        resolver.Resolve("10.3.7.200").Asset!.Name.ShouldBe($"net{(3 * 256) + 7}");
        resolver.Resolve("10.3.7.9").Asset!.Name.ShouldBe("host");
        resolver.Resolve("10.15.255.1").Asset!.Name.ShouldBe("wide");
        resolver.Resolve("10.16.0.1").Resolved.ShouldBeFalse();
    }

    [Theory]
    [InlineData("name,criticality\nA,urgent\n", "criticality")]
    [InlineData("name,criticality\nA,2\n", "criticality")]
    [InlineData("name,ip\nA,10.0.0.300\n", "ip")]
    [InlineData("name,ip\nA,10.0.0.0/33\n", "ip")]
    [InlineData("name,ip\n,10.0.0.1\n", "name")]
    public void Load_BadRow_IsReportedWithLineAndField(string csv, string field)
    {
        var result = ContextFolder.Load(("assets.csv", csv));

        var error = result.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("assets.csv");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain($"'{field}'");
        result.Context.Assets.Assets.ShouldBeEmpty();
    }

    [Fact]
    public void Load_DuplicateNameOrAddress_FirstWins()
    {
        var result = ContextFolder.Load(("assets.csv", "name,ip\nA,10.0.0.1\na,10.0.0.2\nB,10.0.0.1;10.0.0.3\n"));

        result.Errors.Select(e => (e.Line, e.Message.Contains("already", StringComparison.Ordinal))).ShouldBe([(3, true), (4, true)]);
        result.Context.Assets.Resolve("10.0.0.1").Asset!.Name.ShouldBe("A");
        result.Context.Assets.Resolve("10.0.0.3").Asset!.Name.ShouldBe("B");
        result.Context.Assets.Resolve("10.0.0.2").Resolved.ShouldBeFalse();
    }

    [Fact]
    public void Load_Yaml_ReadsListsAndScalars()
    {
        var result = ContextFolder.Load(("assets.yaml", """
            assets:
              - name: DC01
                fqdn: dc01.corp.example
                ip: [10.20.0.10, "2001:db8::10"]
                criticality: critical
                tags: [domain-controller, tier0]
              - name: WS1
                ip: 10.20.8.1;10.20.8.2
            """));

        result.Errors.ShouldBeEmpty();
        result.Context.Assets.Resolve("2001:db8::10").Asset!.Name.ShouldBe("DC01");
        result.Context.Assets.Resolve("10.20.8.2").Asset!.Name.ShouldBe("WS1");
        result.Context.Assets.Resolve("dc01").Asset!.Tags.ShouldBe(["domain-controller", "tier0"]);
    }
}
