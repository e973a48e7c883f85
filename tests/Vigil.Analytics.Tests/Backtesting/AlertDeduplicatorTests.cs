using Vigil.Analytics.Backtesting;
using static Vigil.Analytics.Tests.Backtesting.BacktestSome;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class AlertDeduplicatorTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Deduplicate_KeyReusedAfterItsGroupClosed_StartsAndGrowsANewGroup()
    {
        var alerts = new[]
        {
            Alert(T0, "rule:x", users: ["jdoe"]),
            Alert(T0.AddMinutes(30), "rule:y", users: ["other"]),
            Alert(T0.AddMinutes(130), "rule:y", users: ["other"]),
            Alert(T0.AddMinutes(140), "rule:x", users: ["JDoe"]),
            Alert(T0.AddMinutes(150), "rule:x", severity: "high", users: ["jdoe"]),
        };

        var result = AlertDeduplicator.Deduplicate(alerts, Hour);

        result.Select(a => (a.Detector, a.Time, a.RawCount)).ShouldBe(
        [
            ("rule:x", T0, 1),
            ("rule:y", T0.AddMinutes(30), 1),
            ("rule:y", T0.AddMinutes(130), 1),
            ("rule:x", T0.AddMinutes(140), 2),
        ]);
        result[3].Severity.ShouldBe(BacktestSeverity.High);
    }

    [Fact]
    public void Deduplicate_UnsortedInput_GroupsByTimeAndKeepsEarliestTitleAndTime()
    {
        var alerts = new[]
        {
            Alert(T0.AddMinutes(40), "rule:x", "low", ["T1078"], users: ["jdoe"], title: "second"),
            Alert(T0, "rule:x", "critical", ["T1110.003"], users: ["jdoe"], title: "first"),
            Alert(T0.AddMinutes(20), "rule:x", "medium", ["t1110.003", "T1059"], users: ["jdoe"], title: "middle"),
        };

        var only = AlertDeduplicator.Deduplicate(alerts, Hour).ShouldHaveSingleItem();

        only.Title.ShouldBe("first");
        only.Time.ShouldBe(T0);
        only.Severity.ShouldBe(BacktestSeverity.Critical);
        only.RawCount.ShouldBe(3);
        only.Techniques.ShouldBe(["T1110.003", "T1059", "T1078"]);
    }

    [Fact]
    public void Deduplicate_ZeroWindow_CollapsesOnlySameInstant()
    {
        var alerts = new[] { Alert(T0, users: ["a"]), Alert(T0, users: ["a"]), Alert(T0.AddTicks(1), users: ["a"]) };

        AlertDeduplicator.Deduplicate(alerts, TimeSpan.Zero).Count.ShouldBe(2);
    }

    [Fact]
    public void Deduplicate_EntitiesInOtherOrderOrCase_HaveOneKey()
    {
        var alerts = new[]
        {
            Alert(T0, users: ["a", "b"], hosts: ["H1"], addresses: ["10.0.0.1"]),
            Alert(T0, users: ["B", "A", "a"], hosts: ["h1"], addresses: ["10.0.0.1"]),
        };

        AlertDeduplicator.Deduplicate(alerts, Hour).Count.ShouldBe(1);
    }

    [Fact]
    public void Deduplicate_SameValueAsUserAndAsHost_AreDifferentKeys()
    {
        var alerts = new[] { Alert(T0, users: ["dc01"]), Alert(T0, hosts: ["dc01"]) };

        AlertDeduplicator.Deduplicate(alerts, Hour).Count.ShouldBe(2);
    }

    [Fact]
    public void Deduplicate_NullList_NamesTheAlert()
    {
        var alerts = new[] { Alert(T0), new BacktestAlert("rule:z", "t", "low", T0, null!, [], [], []) };

        Should.Throw<ArgumentException>(() => AlertDeduplicator.Deduplicate(alerts, Hour))
            .Message.ShouldStartWith("alert 1 (rule:z at 2026-10-21T10:00:00Z) has a null list");
    }
}
