using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class ModelStateFileTests
{
    private static ModelSettings[] AllKinds() =>
    [
        Settings("rare-pair", "rare-logon-host", ("pair", "user-host")),
        Settings("rare-pair", "rare-process", ("pair", "host-process")),
        Settings("time-profile", "logon-hours"),
        Settings("volume", "outbound-volume-host", ("entity", "host")),
        Settings("failed-logon", "failed-logons"),
        Settings("impossible-travel", "impossible-travel"),
        Settings("privileged-group", "privileged-group"),
        Settings("user-day-pca", "user-day-pca", ("min_training_days", "50")),
    ];

    /// <summary>Four weeks: office logons, file server use, processes, traffic, VPN with positions, then an attack in week 3.</summary>
    private static List<BehaviourObservation> Month()
    {
        var list = new List<BehaviourObservation>();
        var random = new Random(3);
        for (var day = 0; day < 28; day++)
        {
            for (var i = 1; i <= 8; i++)
            {
                var user = $"fin{i:00}";
                if (day % 7 < 5)
                {
                    list.Add(Logon(At(day, 8 + random.NextDouble()), user, $"WS-{i:00}", logonType: 2));
                    list.Add(Logon(At(day, 9 + random.NextDouble()), user, "FS-01", $"WS-{i:00}", $"10.0.2.{i}"));
                    list.Add(Logon(At(day, 13 + random.NextDouble()), user, $"WS-{i:00}", logonType: 7));
                    var vpn = Logon(At(day, 18 + random.NextDouble()), user, "vpn01", null, $"81.2.69.{i}", logonType: 0);
                    vpn.Latitude = 51.5f;
                    vpn.Longitude = -0.12f;
                    list.Add(vpn);
                    list.Add(new BehaviourObservation
                    {
                        Ticks = At(day, 10 + random.NextDouble()), Kind = ObservationKind.ProcessStart, Host = $"WS-{i:00}", Process = "excel.exe",
                        Parent = "explorer.exe", User = user, Latitude = float.NaN, Longitude = float.NaN,
                    });
                }

                list.Add(new BehaviourObservation
                {
                    Ticks = At(day, 11 + random.NextDouble()), Kind = ObservationKind.NetworkFlow, Host = $"WS-{i:00}", Bytes = random.NextInt64(10_000_000, 30_000_000),
                    DestinationAddress = "93.184.216.34", Latitude = float.NaN, Longitude = float.NaN,
                });
            }
        }

        list.Add(Logon(At(22, 3), "fin01", "SRV-DB", "WS-01", "10.0.2.1", logonType: 10));
        list.Add(Logon(At(22, 3.1), "fin01", "SRV-APP", "WS-01", "10.0.2.1", logonType: 10));
        list.Add(Logon(At(22, 3.2), "fin01", "DC01", "WS-01", "10.0.2.1", logonType: 10));
        return [.. list.OrderBy(o => o.Ticks)];
    }

    private static string Describe(BehaviourEngine engine)
        => string.Join("\n", engine.Findings.Select(f => $"{f.Model} {f.Time:O} {f.Score} {f.Explanation}"));

    [Fact]
    public void SaveThenLoad_SecondHalfGivesTheSameFindingsAsOneRun()
    {
        using var fixture = new BehaviourFixture();
        using var folder = new TempFolder();
        var events = Month();
        var cut = events.FindIndex(o => o.Ticks >= At(17));

        var whole = fixture.Engine(AllKinds());
        Feed(whole, events);
        whole.Findings.ShouldNotBeEmpty();

        var first = fixture.Engine(AllKinds());
        foreach (var o in events.Take(cut))
        {
            first.Observe(o);
        }

        var path = Path.Combine(folder.Path, "state.json");
        ModelStateFile.Save(first, path);
        var second = fixture.Engine(AllKinds());
        var errors = new List<ModelError>();
        ModelStateFile.Load(second, path, errors).ShouldBe(AllKinds().Length);
        errors.ShouldBeEmpty();
        Feed(second, events.Skip(cut));
        second.Findings.ShouldNotBeEmpty();

        var expected = Describe(whole).Split('\n').Where(l => l.Length > 0).Skip(first.Findings.Count);
        Describe(second).ShouldBe(string.Join("\n", expected));
    }

    [Fact]
    public void Load_VersionChanged_ReportsAndThatModelLearnsAfresh()
    {
        using var fixture = new BehaviourFixture();
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.json");
        var first = fixture.Engine(AllKinds());
        Feed(first, Month().Take(500));
        ModelStateFile.Save(first, path);

        var changed = AllKinds();
        changed[2] = changed[2] with { Version = "2" };
        var second = fixture.Engine(changed);
        var errors = new List<ModelError>();

        ModelStateFile.Load(second, path, errors).ShouldBe(AllKinds().Length - 1);
        errors.ShouldHaveSingleItem().Message.ShouldContain("model 'logon-hours': the state was saved by kind 'time-profile' version '1'");
        second.Models[2].TrackedEntities.ShouldBe(0);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\":\"something-else\",\"models\":[]}")]
    [InlineData("[1,2,3]")]
    public void Load_NotAStateFile_ReportsAndRestoresNothing(string content)
    {
        using var fixture = new BehaviourFixture();
        using var folder = new TempFolder();
        var path = folder.Write("state.json", content);
        var errors = new List<ModelError>();

        ModelStateFile.Load(fixture.Engine(AllKinds()), path, errors).ShouldBe(0);

        errors.ShouldHaveSingleItem().Message.ShouldContain("every model learns afresh");
    }

    [Fact]
    public void Load_StateThatDoesNotFit_ResetsThatModel()
    {
        using var fixture = new BehaviourFixture();
        using var folder = new TempFolder();
        var path = folder.Write("state.json", """
            {"format":"vigil-model-state/1","models":[
              {"name":"logon-hours","kind":"time-profile","version":"1","first_ticks":1,"state":{"users":{"a":{"last":1,"counts":[1,2,3]}},"peer_groups":{}}}
            ]}
            """);
        var engine = fixture.Engine(AllKinds());
        var errors = new List<ModelError>();

        ModelStateFile.Load(engine, path, errors).ShouldBe(0);

        errors.ShouldHaveSingleItem().Message.ShouldContain("'counts' must hold 48 numbers");
        engine.Models.Single(m => m.Settings.Name == "logon-hours").TrackedEntities.ShouldBe(0);
    }
}
