using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Identities;

namespace Vigil.Ingest.Tests.Enrichment;

public sealed class IdentityResolverTests
{
    private const string Identities = """
        domains: [CORP, corp.example]
        identities:
          - id: jdoe
            display_name: Jane Doe
            sam: jdoe
            upn: jdoe@corp.example
            email: jane.doe@mail.example
            sid: S-1-5-21-3623811015-3361044348-30300820-1104
            aliases: ['CORP\jdoe']
            groups: [Finance]
            business_unit: Finance
            peer_group: finance
            manager: okim
          - id: adm-jdoe
            aliases: ['CORP\adm-jdoe', 'S-1-5-21-3623811015-3361044348-30300820-1504']
            privileged: true
          - id: asmith-corp
            aliases: ['CORP\asmith']
          - id: asmith-lab
            aliases: ['LAB\asmith']
          - id: rpatel
            aliases: [rpatel, rpatel@corp.example]
        """;

    private const string Assets = "name,fqdn,ip\nFS01,fs01.corp.example,10.20.0.21\n";

    private static readonly IdentityResolver Resolver = Load().Identities;

    private static OrganizationContext Load()
    {
        var result = ContextFolder.Load(("identities.yaml", Identities), ("assets.csv", Assets));
        result.Errors.ShouldBeEmpty();
        return result.Context;
    }

    [Theory]
    [InlineData(@"CORP\jdoe", "jdoe", IdentityMatchKind.Alias)]
    [InlineData(@"corp\JDOE", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("corp/jdoe", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("jdoe@corp.example", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("JDOE@CORP.EXAMPLE", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("jane.doe@mail.example", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("s-1-5-21-3623811015-3361044348-30300820-1104", "jdoe", IdentityMatchKind.Alias)]
    [InlineData("jdoe", "jdoe", IdentityMatchKind.UserName)]
    [InlineData(" JDoe ", "jdoe", IdentityMatchKind.UserName)]
    [InlineData("adm-jdoe", "adm-jdoe", IdentityMatchKind.UserName)]
    [InlineData("adm-jdoe@corp.example", "adm-jdoe", IdentityMatchKind.UserName)]
    [InlineData(@"CORP\rpatel", "rpatel", IdentityMatchKind.UserName)]
    [InlineData("CORP/rpatel", "rpatel", IdentityMatchKind.UserName)]
    [InlineData("rpatel@CORP", "rpatel", IdentityMatchKind.UserName)]
    [InlineData(@"LAB\asmith", "asmith-lab", IdentityMatchKind.Alias)]
    public void Resolve_AliasForms_FindTheIdentity(string raw, string id, IdentityMatchKind kind)
    {
        var result = Resolver.Resolve(raw);

        result.Identity.ShouldNotBeNull().Id.ShouldBe(id);
        result.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("asmith", IdentityMatchKind.Ambiguous)]
    [InlineData("ASMITH", IdentityMatchKind.Ambiguous)]
    [InlineData("asmith@corp.example", IdentityMatchKind.Ambiguous)]
    [InlineData("tnguyen@corp.example", IdentityMatchKind.Unresolved)]
    [InlineData(@"OTHER\jdoe", IdentityMatchKind.Unresolved)]
    [InlineData("jdoe@other.example", IdentityMatchKind.Unresolved)]
    [InlineData("S-1-5-21-1-2-3-1104", IdentityMatchKind.Unresolved)]
    [InlineData("contractor-etl", IdentityMatchKind.Unresolved)]
    [InlineData("", IdentityMatchKind.Empty)]
    [InlineData("-", IdentityMatchKind.Empty)]
    [InlineData("SYSTEM", IdentityMatchKind.System)]
    [InlineData(@"NT AUTHORITY\SYSTEM", IdentityMatchKind.System)]
    [InlineData(@"NT AUTHORITY\LOCAL SERVICE", IdentityMatchKind.System)]
    [InlineData("network service", IdentityMatchKind.System)]
    [InlineData("S-1-5-18", IdentityMatchKind.System)]
    [InlineData("S-1-5-19", IdentityMatchKind.System)]
    [InlineData("S-1-5-20", IdentityMatchKind.System)]
    [InlineData("S-1-0-0", IdentityMatchKind.System)]
    [InlineData(@"IIS APPPOOL\DefaultAppPool", IdentityMatchKind.System)]
    [InlineData("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415", IdentityMatchKind.System)]
    [InlineData("DWM-1", IdentityMatchKind.System)]
    public void Resolve_NotAPersonOrNotUnique_IsClassified(string raw, IdentityMatchKind kind)
    {
        var result = Resolver.Resolve(raw);

        result.Identity.ShouldBeNull();
        result.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("FS01$", "FS01")]
    [InlineData(@"CORP\fs01$", "FS01")]
    [InlineData("fs01$@corp.example", "FS01")]
    [InlineData("WS-9999$", null)]
    public void Resolve_MachineAccount_IsMachineWithAsset(string raw, string? asset)
    {
        var result = Resolver.Resolve(raw);

        result.Kind.ShouldBe(IdentityMatchKind.Machine);
        result.Identity.ShouldBeNull();
        result.Machine?.Name.ShouldBe(asset);
    }

    [Fact]
    public void Load_Fields_AreKept()
    {
        var jdoe = Resolver.Resolve("jdoe").Identity.ShouldNotBeNull();

        jdoe.DisplayName.ShouldBe("Jane Doe");
        jdoe.Email.ShouldBe("jane.doe@mail.example");
        jdoe.Groups.ShouldBe(["Finance"]);
        jdoe.BusinessUnit.ShouldBe("Finance");
        jdoe.PeerGroup.ShouldBe("finance");
        jdoe.Manager.ShouldBe("okim");
        jdoe.Privileged.ShouldBeFalse();
        Resolver.Resolve("adm-jdoe").Identity!.Privileged.ShouldBeTrue();
        Resolver.KnownDomains.Contains("corp.example").ShouldBeTrue();
        Resolver.KnownDomains.Contains("LAB").ShouldBeTrue();
    }

    [Fact]
    public void Load_DuplicateAliasAcrossIdentities_FirstKeepsItAndLaterIsReported()
    {
        var result = ContextFolder.Load(("identities.csv", """
            id,upn,sid,aliases
            alice,alice@corp.example,S-1-5-21-1-2-3-1001,CORP\alice
            alice2,alice@corp.example,S-1-5-21-1-2-3-1002,CORP\alice2
            """));

        var error = result.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("identities.csv");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("'upn'");
        error.Message.ShouldContain("already belongs to identity 'alice'");
        result.Context.Identities.Resolve("alice@corp.example").Identity!.Id.ShouldBe("alice");
        result.Context.Identities.Resolve("S-1-5-21-1-2-3-1002").Identity!.Id.ShouldBe("alice2");
    }

    [Theory]
    [InlineData("id,sid\nx,S-1-5-abc\n", "'sid'")]
    [InlineData("id,upn\nx,nodomain\n", "'upn'")]
    [InlineData("id,privileged\nx,maybe\n", "'privileged'")]
    [InlineData("id,aliases\nx,HOST$\n", "machine account")]
    [InlineData("id,display_name\n,Nobody\n", "'id'")]
    public void Load_BadValue_IsReportedWithLine(string csv, string text)
    {
        var error = ContextFolder.Load(("identities.csv", csv)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(2);
        error.Message.ShouldContain(text);
    }

    [Fact]
    public void Resolve_ConfiguredDomainsAndSystemAccounts_Apply()
    {
        using var dir = new Support.TempDirectory();
        dir.Write("identities.csv", "id,sam\nbob,bob\n");
        var context = OrganizationContext.Load(dir.Path, new ContextOptions { KnownDomains = ["ACME"], SystemAccounts = ["root"] }).Context;

        context.Identities.Resolve(@"ACME\bob").Identity!.Id.ShouldBe("bob");
        context.Identities.Resolve(@"OTHER\bob").Kind.ShouldBe(IdentityMatchKind.Unresolved);
        context.Identities.Resolve("root").Kind.ShouldBe(IdentityMatchKind.System);
    }
}
