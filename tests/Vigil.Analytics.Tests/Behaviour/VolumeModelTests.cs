using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class VolumeModelTests
{
    private static BehaviourObservation Flow(long ticks, string host, long bytes, string destination = "93.184.216.34")
        => new()
        {
            Ticks = ticks,
            Kind = ObservationKind.NetworkFlow,
            Host = host,
            SourceHost = host,
            SourceAddress = "10.0.2.3",
            Segment = "10.0.2.0/24",
            DestinationAddress = destination,
            Bytes = bytes,
            Latitude = float.NaN,
            Longitude = float.NaN,
            SourceName = "firewall.cef",
            Location = ticks / TimeSpan.TicksPerSecond,
        };

    /// <summary>Three weeks of hourly traffic of WS-03 during the working day, 15-45 MB an hour.</summary>
    private static List<BehaviourObservation> Baseline()
    {
        var list = new List<BehaviourObservation>();
        var random = new Random(7);
        for (var day = 0; day < 21; day++)
        {
            for (var hour = 8; hour < 18; hour++)
            {
                list.Add(Flow(At(day, hour + 0.5), "WS-03", random.NextInt64(15_000_000, 45_000_000)));
            }
        }

        return list;
    }

    [Fact]
    public void Observe_GigabytesOutInAnHour_ReportsAtOnceWithTheUsual()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("volume", "outbound-volume-host", ("entity", "host")));
        var events = Baseline();
        for (var i = 0; i < 6; i++)
        {
            events.Add(Flow(At(22, 14 + (i * 0.1)), "WS-03", 600_000_000, "203.0.113.9"));
        }

        Feed(engine, events);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldStartWith("WS-03 sent 600.0 MB out between 14:00 and 15:00 UTC on 2026-10-27 (so far); its usual for a weekday 14:00 hour is");
        finding.Explanation.ShouldContain("most to 203.0.113.9");
        finding.Numbers.ShouldContain(n => n.Key == "ratio" && n.Value > 10);
        finding.Addresses.ShouldContain("203.0.113.9", StringComparer.Ordinal);
        finding.Time.ShouldBe(new DateTimeOffset(At(22, 14), TimeSpan.Zero));
        finding.Evidence.Count.ShouldBe(1);
    }

    [Fact]
    public void Observe_UsualVolume_StaysQuiet()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("volume", "outbound-volume-host", ("entity", "host"), ("min_total", "1")));
        var events = Baseline();
        events.Add(Flow(At(22, 14.5), "WS-03", 50_000_000));

        Feed(engine, events);

        engine.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_UnknownEntity_IsASettingsError()
    {
        using var fixture = new BehaviourFixture();
        var errors = new List<Vigil.Analytics.Behaviour.Settings.ModelError>();
        var models = Vigil.Analytics.Behaviour.Models.BehaviourModelFactory.Create([Settings("volume", "v", ("entity", "planet"))], fixture.Context, errors);

        models.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().Message.ShouldContain("'entity' must be host, segment or user");
    }
}
