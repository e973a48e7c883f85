namespace Vigil.Simulation.Organization;

/// <summary>A place VPN logons come from, as the gateway's geolocation reports it.</summary>
/// <param name="Name">The city.</param>
/// <param name="Country">The ISO 3166 alpha-2 country code.</param>
/// <param name="Latitude">The latitude in degrees.</param>
/// <param name="Longitude">The longitude in degrees.</param>
internal sealed record City(string Name, string Country, double Latitude, double Longitude)
{
    /// <summary>The great-circle distance to another city in kilometres.</summary>
    public double DistanceKm(City other) => DistanceKm(Latitude, Longitude, other.Latitude, other.Longitude);

    /// <summary>The great-circle distance between two points in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }
}
