using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil hunt --format thehive: hits and findings as TheHive 5 alert bodies.</summary>
public sealed class HuntTheHiveTests
{
    private static List<JsonElement> Hunt()
    {
        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"),
            "--context", RepoPaths.Repo("samples", "context"), "--models", RepoPaths.Repo("models"), "--format", "thehive");
        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public void Hunt_TheHive_EveryLineIsAnAlertWithUniqueSourceRef()
    {
        var alerts = Hunt();

        alerts.Count.ShouldBeGreaterThan(47);
        foreach (var alert in alerts)
        {
            alert.GetProperty("source").GetString().ShouldBe("vigil");
            alert.GetProperty("type").GetString().ShouldBeOneOf("sigma", "behaviour");
            alert.GetProperty("severity").GetInt32().ShouldBeInRange(1, 4);
            alert.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
            alert.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();
            alert.GetProperty("date").GetInt64().ShouldBeGreaterThan(0);
            foreach (var procedure in alert.GetProperty("procedures").EnumerateArray())
            {
                procedure.GetProperty("patternId").GetString()!.ShouldStartWith("T");
            }
        }

        alerts.Select(a => a.GetProperty("type").GetString() + "|" + a.GetProperty("sourceRef").GetString()).Distinct(StringComparer.Ordinal).Count().ShouldBe(alerts.Count);
    }

    [Fact]
    public void Hunt_TheHive_FindingCarriesItsEntitiesAsObservables()
    {
        var finding = Hunt().Single(a => a.GetProperty("type").GetString() == "behaviour"
            && a.GetProperty("title").GetString()!.Contains("tnguyen was added to Administrators", StringComparison.Ordinal));

        finding.GetProperty("severity").GetInt32().ShouldBe(4);
        finding.GetProperty("description").GetString()!.ShouldContain("**Score**");
        var observables = finding.GetProperty("observables").EnumerateArray().ToList();
        observables.ShouldContain(o => o.GetProperty("dataType").GetString() == "hostname" && o.GetProperty("data").GetString() == "WS-0231");
        observables.ShouldContain(o => o.GetProperty("dataType").GetString() == "other" && o.GetProperty("data").GetString() == "adm-rpatel");
        finding.GetProperty("procedures").EnumerateArray().Any(p => p.GetProperty("patternId").GetString() == "T1098").ShouldBeTrue();
    }
}
