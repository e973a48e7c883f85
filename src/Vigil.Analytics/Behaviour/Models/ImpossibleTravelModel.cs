using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// Impossible travel: two successful logons of one user from places farther apart than anyone could travel in the time
/// between them (great-circle distance over elapsed time, against a speed a flight does not reach). Needs the source
/// position (<c>src_endpoint.location.lat/long</c>); no baseline is needed, so it may judge from the first day.
/// </summary>
internal sealed class ImpossibleTravelModel : BehaviourModel
{
    private const double EarthRadiusKm = 6371.0;

    private readonly Dictionary<string, BehaviourObservation> _last = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _maxSpeed;
    private readonly double _minDistance;

    public ImpossibleTravelModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        _maxSpeed = settings.Parameters.Number("max_speed_kmh", 1000, 1, 100_000);
        _minDistance = settings.Parameters.Number("min_distance_km", 500, 0, 40_000);
    }

    public override int TrackedEntities => _last.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        if (o.Kind != ObservationKind.LogonSuccess || o.User is null || !o.HasGeo)
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        if (_last.TryGetValue(o.User, out var previous) && !learning)
        {
            var km = Distance(previous.Latitude, previous.Longitude, o.Latitude, o.Longitude);
            var hours = Math.Max(1.0 / 60, (o.Ticks - previous.Ticks) / (double)TimeSpan.TicksPerHour);
            var speed = km / hours;
            if (km >= _minDistance && speed > _maxSpeed)
            {
                var candidate = new FindingCandidate
                {
                    Score = Math.Min(95, 70 + (5 * Math.Log10(speed / _maxSpeed + 1))),
                    Confidence = 0.9,
                    Explanation = $"logon by {o.User} from {o.Place ?? o.SourceAddress ?? "?"} {FormatElapsed(o.Ticks - previous.Ticks)} after one from"
                        + $" {previous.Place ?? previous.SourceAddress ?? "?"}: {km:N0} km, {speed:N0} km/h (more than {_maxSpeed:N0} km/h is not travel)",
                    Key = o.User,
                    Ticks = o.Ticks,
                    User = o.User,
                    UserRaw = o.UserRaw,
                    Host = o.Host,
                    Suppressible = false,
                };
                candidate.Number("distance_km", km);
                candidate.Number("hours", hours);
                candidate.Number("speed_kmh", speed);
                foreach (var address in new[] { previous.SourceAddress, o.SourceAddress })
                {
                    if (address is not null)
                    {
                        candidate.Addresses.Add(address);
                    }
                }

                candidate.Evidence.Add(previous);
                candidate.Evidence.Add(o);
                sink.Report(this, candidate);
            }
        }

        if (!_last.ContainsKey(o.User))
        {
            Trim(_last, MaxEntities, l => l.Ticks);
        }

        _last[o.User] = o;
    }

    public override void WriteState(Utf8JsonWriter json)
    {
        json.WriteStartObject("last_logon");
        foreach (var (user, o) in _last)
        {
            json.WriteStartObject(user);
            json.WriteNumber("ticks", o.Ticks);
            json.WriteNumber("lat", o.Latitude);
            json.WriteNumber("long", o.Longitude);
            json.WriteString("place", o.Place);
            json.WriteString("address", o.SourceAddress);
            json.WriteString("source", o.SourceName);
            json.WriteNumber("location", o.Location);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var entry in state.GetProperty("last_logon").EnumerateObject())
        {
            var e = entry.Value;
            _last[entry.Name] = new BehaviourObservation
            {
                Kind = ObservationKind.LogonSuccess,
                User = entry.Name,
                Ticks = e.GetProperty("ticks").GetInt64(),
                Latitude = e.GetProperty("lat").GetSingle(),
                Longitude = e.GetProperty("long").GetSingle(),
                Place = StateJson.OptionalString(e, "place"),
                SourceAddress = StateJson.OptionalString(e, "address"),
                SourceName = StateJson.OptionalString(e, "source"),
                Location = e.GetProperty("location").GetInt64(),
            };
        }

        Trim(_last, MaxEntities, l => l.Ticks);
    }

    /// <summary>Great-circle distance in km (haversine).</summary>
    internal static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static string FormatElapsed(long ticks)
    {
        var span = TimeSpan.FromTicks(ticks);
        return span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0} min";
    }
}
