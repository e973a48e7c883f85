using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class UserDayPcaModelTests
{
    /// <summary>Three weeks of 150 users: each weekday a workstation logon, two file server logons and a few processes.</summary>
    private static List<BehaviourObservation> Month(int users)
    {
        var list = new List<BehaviourObservation>();
        var random = new Random(9);
        for (var day = 0; day < 21; day++)
        {
            for (var u = 0; u < users; u++)
            {
                var user = $"user{u}";
                list.Add(Logon(At(day, 8 + random.NextDouble()), user, $"WS-{u}", logonType: 2));
                list.Add(Logon(At(day, 9 + random.NextDouble()), user, "FS-01", $"WS-{u}", "10.0.2.1"));
                list.Add(Logon(At(day, 13 + random.NextDouble()), user, "FS-02", $"WS-{u}", "10.0.2.1"));
                for (var p = 0; p < 2 + random.Next(3); p++)
                {
                    list.Add(new BehaviourObservation
                    {
                        Ticks = At(day, 10 + random.NextDouble()), Kind = ObservationKind.ProcessStart, User = user, Host = $"WS-{u}",
                        Process = $"app{random.Next(4)}.exe", Latitude = float.NaN, Longitude = float.NaN,
                    });
                }
            }
        }

        return list;
    }

    private static IEnumerable<BehaviourObservation> Rampage()
    {
        for (var i = 0; i < 15; i++)
        {
            yield return Logon(At(17, 2 + (i * 0.1)), "user7", $"SRV-{i}", "WS-7", "10.0.2.7", logonType: 10);
        }
    }

    [Fact]
    public void Observe_DayOfManyNightRemoteLogons_ReportsItWithTheFeaturesBehindIt()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("user-day-pca", "user-day-pca"));
        var events = Month(150);
        events.AddRange(Rampage());

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Users[0].AsLogged.ShouldBe("user7");
        finding.Explanation.ShouldStartWith("the day of user7 on 2026-10-22 does not fit the usual patterns of user-days:");
        finding.Explanation.ShouldContain("15 remote-interactive logons (baseline mean 0)");
        finding.Explanation.ShouldContain("randomized PCA, rank 3");
        finding.Numbers.ShouldContain(n => n.Key == "remote_interactive_logons_z" && n.Value > 10);
    }

    [Fact]
    public void Observe_TooFewBaselineDays_JudgesNothing()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("user-day-pca", "user-day-pca"));
        var events = Month(20);
        events.AddRange(Rampage());

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_DegenerateBaseline_KeepsLearningAndSaysWhy()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("user-day-pca", "user-day-pca", ("min_training_days", "50")));
        var events = new List<BehaviourObservation>();
        for (var day = 0; day < 21; day++)
        {
            for (var u = 0; u < 10; u++)
            {
                events.Add(Logon(At(day, 9), $"user{u}", "FS-01", $"WS-{u}", "10.0.2.1"));
            }
        }

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
        engine.Models[0].Problem.ShouldNotBeNull().ShouldContain("could not learn from");
    }
}
