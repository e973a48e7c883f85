using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary><c>--context</c> on hunt and normalize: enrichment, indicator hits, the resolution report, bad context.</summary>
public sealed class ContextOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ContextOptionTests()
    {
        _dir.Write("context/assets.csv", "name,fqdn,ip,owner,business_unit,criticality,tags,type\nDC01,dc01.corp.example,10.0.0.10,it,IT,critical,domain-controller,server\n");
        _dir.Write("context/identities.yaml", "domains: [CORP, corp.example]\nidentities:\n  - id: jdoe\n    sam: jdoe\n    upn: jdoe@corp.example\n    business_unit: Finance\n");
        _dir.Write("context/indicators.csv", "type,value,confidence,source,valid_from,valid_until,attack,description\nip,203.0.113.9,90,test-intel,2024-01-01T00:00:00Z,2025-01-01T00:00:00Z,T1110,spray source\n");
        _dir.Write("rules/none.yml", Samples.ProcessRule(Samples.WhoamiId, "Whoami", "\\whoami.exe"));
    }

    public void Dispose() => _dir.Dispose();

    private string Events => _dir.Write("events.ndjson", """
        {"Channel":"Security","EventID":"4625","Computer":"DC01","TimeCreated":"2024-06-01T10:00:00Z","TargetUserName":"jdoe","TargetDomainName":"CORP","IpAddress":"203.0.113.9"}
        {"Channel":"Security","EventID":"4625","Computer":"WS-0408","TimeCreated":"2025-06-01T10:00:00Z","TargetUserName":"tnguyen","TargetDomainName":"CORP","IpAddress":"203.0.113.9"}
        """);

    [Fact]
    public void Hunt_WithContext_IndicatorHitAtEventTimeAndResolutionReport()
    {
        var result = VigilCli.Run("hunt", Events, "--rules", _dir.PathOf("rules"), "--context", _dir.PathOf("context"), "--format", "jsonl");

        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        var hit = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        using var document = JsonDocument.Parse(hit);
        var root = document.RootElement;
        root.GetProperty("rule").GetProperty("title").GetString()!.ShouldContain("203.0.113.9");
        root.GetProperty("rule").GetProperty("level").GetString().ShouldBe("high");
        root.GetProperty("attack").GetProperty("techniques")[0].GetProperty("id").GetString().ShouldBe("T1110");
        root.GetProperty("matched").GetProperty("src_endpoint.ip").GetString().ShouldBe("203.0.113.9");
        root.GetProperty("source").GetProperty("location").GetInt64().ShouldBe(1);
        result.Stderr.ShouldContain("windows-security: users 1 resolved, 1 unresolved");
        result.Stderr.ShouldContain("unresolved users: CORP\\tnguyen (1)");
        result.Stderr.ShouldContain("unresolved hosts: WS-0408 (1)");
    }

    [Fact]
    public void Normalize_WithContext_AddsEntityContextAndIndicators()
    {
        var result = VigilCli.Run("normalize", Events, "--context", _dir.PathOf("context"), "--to", "ocsf");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        root.GetProperty("user").GetProperty("context").GetProperty("id").GetString().ShouldBe("jdoe");
        root.GetProperty("user").GetProperty("context").GetProperty("business_unit").GetString().ShouldBe("Finance");
        root.GetProperty("device").GetProperty("context").GetProperty("criticality").GetString().ShouldBe("critical");
        root.GetProperty("context").GetProperty("indicators").GetString()!.ShouldContain("203.0.113.9");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.TryGetProperty("context", out _).ShouldBeFalse("the indicator had expired at the second event's time");
        result.Stderr.ShouldContain("threat-indicator matches: 1");
    }

    [Fact]
    public void Hunt_BadContextRow_ReportedWithFileAndLine_RestUsed()
    {
        _dir.Write("context/indicators.csv", "type,value,confidence,source,valid_from,valid_until,attack,description\nip,not-an-ip,90,x,,,,\nip,203.0.113.9,90,test-intel,,,T1110,ok\n");

        var result = VigilCli.Run("hunt", Events, "--rules", _dir.PathOf("rules"), "--context", _dir.PathOf("context"), "--format", "jsonl");

        (result.ExitCode & ExitCodes.RuleErrors).ShouldBe(ExitCodes.RuleErrors);
        (result.ExitCode & ExitCodes.Hits).ShouldBe(ExitCodes.Hits);
        result.Stderr.ShouldContain("context error: ");
        result.Stderr.ShouldContain("indicators.csv:2");
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public void Hunt_MissingContextFolder_Fatal()
    {
        var result = VigilCli.Run("hunt", Events, "--rules", _dir.PathOf("rules"), "--context", _dir.PathOf("nope"));

        result.ExitCode.ShouldBe(ExitCodes.Fatal);
        result.Stderr.ShouldContain("does not exist");
    }
}
