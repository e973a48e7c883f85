using System.Globalization;
using System.Text.Json;
using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests;

/// <summary>truth.json: its shape and the run it describes.</summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class TruthTests
{
    private static readonly string[] Attacks =
    [
        "password-spraying", "vpn-credential-stuffing", "lateral-movement", "off-hours-privileged-logon", "new-admin-account",
        "data-exfiltration", "impossible-travel", "service-account-interactive",
    ];

    private static readonly string[] Benign = ["approved-privileged-access", "clinical-new-workflow", "patch-night", "new-employee", "user-travelling"];

    private readonly SimulatedRun _run;

    public TruthTests(SimulatedRun run) => _run = run;

    [Fact]
    public void Truth_Header_DescribesTheRun()
    {
        var truth = _run.Truth;

        truth.GetProperty("format").GetString().ShouldBe("vigil-truth/1");
        truth.GetProperty("seed").GetInt32().ShouldBe(SimulatedRun.Seed);
        truth.GetProperty("start").GetString().ShouldBe("2026-10-05T00:00:00Z");
        truth.GetProperty("end").GetString().ShouldBe("2026-10-21T00:00:00Z");
        truth.GetProperty("days").GetInt32().ShouldBe(SimulatedRun.Days);
        truth.GetProperty("users").GetInt32().ShouldBe(SimulatedRun.Users);
        truth.GetProperty("learning_days").GetInt32().ShouldBe(8);
    }

    [Fact]
    public void Truth_Scenarios_EveryAttackAndTrapOnceInOrder()
    {
        var scenarios = _run.Truth.GetProperty("scenarios").EnumerateArray().ToList();

        scenarios.Select(s => s.GetProperty("name").GetString()).ShouldBe([.. Attacks, .. Benign]);
        scenarios.Take(8).ShouldAllBe(s => s.GetProperty("kind").GetString() == "attack" && s.GetProperty("techniques").GetArrayLength() > 0);
        scenarios.Skip(8).ShouldAllBe(s => s.GetProperty("kind").GetString() == "benign" && s.GetProperty("techniques").GetArrayLength() == 0);
        scenarios.Select(s => s.GetProperty("id").GetString()).ShouldBe(
            [.. Attacks.Select((a, i) => $"attack-{i + 1:00}-{a}"), .. Benign.Select((b, i) => $"benign-{i + 1:00}-{b}")]);
    }

    [Fact]
    public void Truth_Spans_InsideThePeriodAttacksAfterLearning()
    {
        var start = Parse(_run.Truth.GetProperty("start"));
        var end = Parse(_run.Truth.GetProperty("end"));
        var learningEnd = start.AddDays(_run.Truth.GetProperty("learning_days").GetInt32());
        foreach (var s in _run.Truth.GetProperty("scenarios").EnumerateArray())
        {
            var name = s.GetProperty("name").GetString();
            var from = Parse(s.GetProperty("start"));
            var to = Parse(s.GetProperty("end"));
            from.ShouldBeLessThanOrEqualTo(to, name);
            from.ShouldBeGreaterThanOrEqualTo(s.GetProperty("kind").GetString() == "attack" ? learningEnd : start, name);
            to.ShouldBeLessThan(end.AddDays(1), name);
            s.GetProperty("event_count").GetInt64().ShouldBeGreaterThan(0, name);
            s.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(name);
        }
    }

    [Fact]
    public void Truth_UsersAndHosts_InTheContext()
    {
        var identities = _run.Context.Context.Identities.Identities.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var assets = _run.Context.Context.Assets.Assets.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var s in _run.Truth.GetProperty("scenarios").EnumerateArray())
        {
            var name = s.GetProperty("name").GetString();
            s.GetProperty("users").GetArrayLength().ShouldBeGreaterThan(0, name);
            Strings(s, "users").ShouldAllBe(u => identities.Contains(u), name);
            Strings(s, "hosts").ShouldAllBe(h => assets.Contains(h), name);
        }
    }

    private static List<string> Strings(JsonElement element, string name) => TruthQueries.Strings(element, name);

    private static DateTimeOffset Parse(JsonElement element) => TruthQueries.Parse(element);
}
