using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>Where the VPN gateway locates a client address.</summary>
/// <param name="City">The city.</param>
/// <param name="Country">The country code.</param>
/// <param name="Latitude">The latitude.</param>
/// <param name="Longitude">The longitude.</param>
internal sealed record VpnPlace(string City, string Country, double Latitude, double Longitude)
{
    /// <summary>A city's centre.</summary>
    public static VpnPlace Of(City city) => new(city.Name, city.Country, city.Latitude, city.Longitude);

    /// <summary>A person's home.</summary>
    public static VpnPlace Home(Person person) => new(person.HomeCity.Name, person.HomeCity.Country, person.HomeLatitude, person.HomeLongitude);
}
