namespace Vigil.Simulation.Organization;

/// <summary>The places of the simulation: where people live, travel to, and where attackers connect from.</summary>
internal static class Cities
{
    /// <summary>The head office.</summary>
    public static readonly City London = new("London", "GB", 51.5074, -0.1278);

    /// <summary>Home cities of remote and hybrid workers.</summary>
    public static readonly IReadOnlyList<City> Home =
    [
        London,
        new("Manchester", "GB", 53.4808, -2.2426),
        new("Birmingham", "GB", 52.4862, -1.8904),
        new("Leeds", "GB", 53.8008, -1.5491),
        new("Bristol", "GB", 51.4545, -2.5879),
        new("Glasgow", "GB", 55.8642, -4.2518),
        new("Edinburgh", "GB", 55.9533, -3.1883),
        new("Cardiff", "GB", 51.4816, -3.1791),
        new("Liverpool", "GB", 53.4084, -2.9916),
        new("Nottingham", "GB", 52.9548, -1.1581),
        new("Sheffield", "GB", 53.3811, -1.4701),
        new("Brighton", "GB", 50.8225, -0.1372),
        new("Oxford", "GB", 51.7520, -1.2577),
        new("Cambridge", "GB", 52.2053, 0.1218),
        new("Reading", "GB", 51.4543, -0.9781),
        new("Norwich", "GB", 52.6309, 1.2974),
        new("Southampton", "GB", 50.9097, -1.4044),
        new("Newcastle upon Tyne", "GB", 54.9783, -1.6178),
        new("Belfast", "GB", 54.5973, -5.9301),
    ];

    /// <summary>Business-trip destinations (5,000 km or more from the UK, reachable by a flight of a few hours).</summary>
    public static readonly IReadOnlyList<City> Travel =
    [
        new("New York", "US", 40.7128, -74.0060),
        new("Boston", "US", 42.3601, -71.0589),
        new("Toronto", "CA", 43.6532, -79.3832),
        new("Dubai", "AE", 25.2048, 55.2708),
        new("Chicago", "US", 41.8781, -87.6298),
    ];

    /// <summary>Other continents, for logons no traveller could make in time.</summary>
    public static readonly IReadOnlyList<City> FarAway =
    [
        new("Sydney", "AU", -33.8688, 151.2093),
        new("Tokyo", "JP", 35.6762, 139.6503),
        new("Sao Paulo", "BR", -23.5505, -46.6333),
        new("Johannesburg", "ZA", -26.2041, 28.0473),
        new("Los Angeles", "US", 34.0522, -118.2437),
        new("Singapore", "SG", 1.3521, 103.8198),
    ];

    /// <summary>Where credential-stuffing infrastructure connects from.</summary>
    public static readonly IReadOnlyList<City> Attackers =
    [
        new("Hanoi", "VN", 21.0278, 105.8342),
        new("Lagos", "NG", 6.5244, 3.3792),
        new("Bucharest", "RO", 44.4268, 26.1025),
        new("Jakarta", "ID", -6.2088, 106.8456),
        new("Moscow", "RU", 55.7558, 37.6173),
        new("Tehran", "IR", 35.6892, 51.3890),
    ];
}
