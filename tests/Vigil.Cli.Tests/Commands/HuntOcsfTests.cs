using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>vigil hunt --format ocsf: rule hits and model findings as OCSF Detection Findings.</summary>
public sealed class HuntOcsfTests
{
    private static List<JsonElement> Hunt()
    {
        var result = VigilCli.Run("hunt", RepoPaths.Repo("samples", "events.ndjson"), "--rules", RepoPaths.Repo("rules"),
            "--context", RepoPaths.Repo("samples", "context"), "--models", RepoPaths.Repo("models"), "--format", "ocsf");
        result.ExitCode.ShouldBe(ExitCodes.Hits, result.Stderr);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public void Hunt_Ocsf_EveryLineIsADetectionFindingOfTheOcsfClassList()
    {
        var classes = File.ReadAllLines(RepoPaths.Shared("ocsf", "classes.tsv")).Select(l => l.Split('\t')).ToList();
        var detection = classes.Single(c => string.Equals(c[0], "2004", StringComparison.Ordinal));
        var findings = Hunt();

        findings.Count.ShouldBeGreaterThan(47);
        foreach (var f in findings)
        {
            f.GetProperty("class_uid").GetInt32().ShouldBe(2004);
            f.GetProperty("class_name").GetString().ShouldBe(detection[2]);
            f.GetProperty("type_uid").GetInt32().ShouldBe(200401);
            f.GetProperty("severity_id").GetInt32().ShouldBeInRange(1, 5);
            f.GetProperty("time").GetInt64().ShouldBeGreaterThan(0);
            var info = f.GetProperty("finding_info");
            info.GetProperty("uid").GetString()!.Length.ShouldBe(32);
            info.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
            foreach (var attack in info.GetProperty("attacks").EnumerateArray())
            {
                (attack.TryGetProperty("technique", out var t) ? t : attack.GetProperty("tactic")).GetProperty("uid").GetString()!.ShouldStartWith("T");
            }
        }

        findings.Select(f => f.GetProperty("finding_info").GetProperty("uid").GetString()).Distinct(StringComparer.Ordinal).Count().ShouldBe(findings.Count);
    }

    [Fact]
    public void Hunt_Ocsf_RulesAndModelsAreTellApartWithConfidenceOnFindings()
    {
        var findings = Hunt();

        var rules = findings.Where(f => f.GetProperty("finding_info").GetProperty("analytic").GetProperty("type_id").GetInt32() == 1).ToList();
        var models = findings.Where(f => f.GetProperty("finding_info").GetProperty("analytic").GetProperty("type_id").GetInt32() == 2).ToList();
        rules.ShouldNotBeEmpty();
        rules.ShouldAllBe(r => r.GetProperty("evidences")[0].GetProperty("data").EnumerateObject().Any());
        models.Count.ShouldBe(2, "the two additions to Administrators in the sample");
        var model = models.Single(m => m.GetProperty("finding_info").GetProperty("desc").GetString()!.StartsWith("tnguyen", StringComparison.Ordinal));
        model.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString().ShouldBe("model:privileged-group");
        model.GetProperty("finding_info").GetProperty("analytic").GetProperty("version").GetString().ShouldBe("1");
        model.GetProperty("confidence_score").GetInt32().ShouldBeInRange(0, 100);
        model.GetProperty("risk_score").GetInt32().ShouldBeInRange(40, 100);
        model.GetProperty("finding_info").GetProperty("desc").GetString()!.ShouldStartWith("tnguyen was added to Administrators");
        model.GetProperty("evidences")[0].GetProperty("actor").GetProperty("user").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Hunt_OcsfTwice_SameFindingIds()
    {
        var first = Hunt().Select(f => f.GetProperty("finding_info").GetProperty("uid").GetString()).ToList();
        var second = Hunt().Select(f => f.GetProperty("finding_info").GetProperty("uid").GetString()).ToList();

        second.ShouldBe(first, ignoreOrder: true);
    }
}
