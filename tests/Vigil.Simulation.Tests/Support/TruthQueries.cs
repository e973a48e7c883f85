using System.Globalization;
using System.Text.Json;

namespace Vigil.Simulation.Tests.Support;

/// <summary>Reading truth.json entries and the events of their windows.</summary>
internal sealed class TruthQueries
{
    private readonly SimulatedRun _run;

    public TruthQueries(SimulatedRun run) => _run = run;

    /// <summary>The events of a file between a scenario's start and end (inclusive, to the second).</summary>
    public IEnumerable<ReadEvent> Window(JsonElement scenario, string file)
    {
        var from = Parse(scenario.GetProperty("start"));
        var to = Parse(scenario.GetProperty("end")).AddSeconds(1);
        return _run.In(file).Where(e => e.Time >= from && e.Time < to);
    }

    public static List<string> Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];

    public static DateTimeOffset Parse(JsonElement element) => DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>The distance between the places of two VPN events (slat/slong) in kilometres.</summary>
    public static double Km(ReadEvent a, ReadEvent b)
    {
        static double Deg(ReadEvent e, string f) => double.Parse(e.Field(f)!, CultureInfo.InvariantCulture);
        return Vigil.Simulation.Organization.City.DistanceKm(Deg(a, "slat"), Deg(a, "slong"), Deg(b, "slat"), Deg(b, "slong"));
    }
}
