using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class ImpossibleTravelModelTests
{
    private static BehaviourObservation Vpn(long ticks, string user, float lat, float lon, string place, string address)
    {
        var o = Logon(ticks, user, "vpn01", null, address, logonType: 0);
        o.Latitude = lat;
        o.Longitude = lon;
        o.Place = place;
        return o;
    }

    [Fact]
    public void Observe_LondonThenSydneyWithinAnHour_ReportsSpeed()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("impossible-travel", "impossible-travel") with { LearningDays = 0 });

        Feed(engine, [Vpn(At(3, 9), "fin01", 51.5074f, -0.1278f, "London, GB", "81.2.69.1"), Vpn(At(3, 9.7), "fin01", -33.8688f, 151.2093f, "Sydney, AU", "1.1.1.1")]);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldStartWith("logon by fin01 from Sydney, AU 42 min after one from London, GB: 16,99");
        finding.Addresses.ShouldBe(["81.2.69.1", "1.1.1.1"]);
        finding.Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public void Observe_PlausibleFlight_StaysQuiet()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("impossible-travel", "impossible-travel") with { LearningDays = 0 });

        Feed(engine, [Vpn(At(3, 9), "fin01", 51.5074f, -0.1278f, "London, GB", "81.2.69.1"), Vpn(At(3, 21), "fin01", 40.7128f, -74.006f, "New York, US", "8.8.8.8")]);

        engine.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(51.5074, -0.1278, 40.7128, -74.006, 5570)]
    [InlineData(0, 0, 0, 180, 20015)]
    [InlineData(10, 10, 10, 10, 0)]
    public void Distance_KnownPairs_AreGreatCircleKm(double lat1, double lon1, double lat2, double lon2, double km)
        => ImpossibleTravelModel.Distance(lat1, lon1, lat2, lon2).ShouldBe(km, 15);
}
