using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// Count and volume anomalies with seasonality: per entity (a host's or a segment's bytes sent out, or a user's logons),
/// hourly totals are learnt per hour slot (24 weekday and 24 weekend hours) as the mean and spread of log(1 + total)
/// (Welford). The open hour is checked as it fills: a total far above its slot's usual (z-score and ratio) and above a
/// floor is a finding at once, not at the end of the hour. Hours that raised a finding are not learnt.
/// </summary>
internal sealed class VolumeModel : BehaviourModel
{
    private const int Slots = 48;

    private readonly Dictionary<string, Series> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _entity;
    private readonly double _minTotal;
    private readonly double _minZ;
    private readonly double _minRatio;
    private readonly double _minSpread;
    private readonly int _minSlotSamples;

    public VolumeModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        var entity = p.Names("entity", ["host"]);
        _entity = entity.Count == 1 && entity[0] is "host" or "segment" or "user"
            ? entity[0]
            : throw new ModelSettingsException(settings.File, "parameter 'entity' must be host, segment or user");
        _minTotal = p.Number("min_total", _entity == "user" ? 50 : 200_000_000, 0, double.MaxValue);
        _minZ = p.Number("min_z", 4, 0, 100);
        _minRatio = p.Number("min_ratio", 10, 1, 1_000_000);
        _minSpread = p.Number("min_spread", 0.5, 0.01, 10);
        _minSlotSamples = (int)p.Number("min_slot_samples", 4, 1, 1000);
    }

    public override int TrackedEntities => _series.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        string? key;
        double value;
        switch (_entity)
        {
            case "host" when o.Kind == ObservationKind.NetworkFlow:
                (key, value) = (o.Host, o.Bytes);
                break;
            case "segment" when o.Kind == ObservationKind.NetworkFlow:
                (key, value) = (o.Segment, o.Bytes);
                break;
            case "user" when o.Kind is ObservationKind.LogonSuccess or ObservationKind.LogonFailure:
                (key, value) = (o.User, 1);
                break;
            default:
                return;
        }

        if (key is null)
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        if (!_series.TryGetValue(key, out var series))
        {
            Trim(_series, MaxEntities, s => s.Last);
            _series[key] = series = new Series();
        }

        var hour = o.Ticks / TimeSpan.TicksPerHour;
        if (hour != series.Hour)
        {
            series.Close();
            series.Open(hour, SlotOf(o.Ticks));
        }

        series.Total += value;
        series.Last = o.Ticks;
        if (o.DestinationAddress is not null && o.Bytes >= series.TopBytes)
        {
            series.TopBytes = o.Bytes;
            series.TopDestination = o.DestinationAddress;
        }

        if (series.Evidence.Count < 5)
        {
            series.Evidence.Add(o);
        }

        if (!learning && !series.Flagged && series.Total >= _minTotal)
        {
            Check(key, series, o, sink);
        }
    }

    public override void WriteState(Utf8JsonWriter json)
    {
        json.WriteStartObject("series");
        foreach (var (key, series) in _series)
        {
            json.WriteStartObject(key);
            json.WriteNumber("hour", series.Hour);
            json.WriteNumber("slot", series.Slot);
            json.WriteNumber("total", series.Total);
            json.WriteBoolean("flagged", series.Flagged);
            json.WriteNumber("last", series.Last);
            StateJson.WriteArray(json, "count", series.Count);
            StateJson.WriteArray(json, "mean", series.Mean);
            StateJson.WriteArray(json, "m2", series.M2);
            json.WriteNumber("all_count", series.AllCount);
            json.WriteNumber("all_mean", series.AllMean);
            json.WriteNumber("all_m2", series.AllM2);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var entry in state.GetProperty("series").EnumerateObject())
        {
            var e = entry.Value;
            var series = new Series();
            var slot = e.GetProperty("slot").GetInt32();
            if (slot is < 0 or >= Slots)
            {
                throw new FormatException($"series '{entry.Name}': slot {slot} is outside 0..{Slots - 1}");
            }

            series.Open(e.GetProperty("hour").GetInt64(), slot);
            series.Total = e.GetProperty("total").GetDouble();
            series.Flagged = e.GetProperty("flagged").GetBoolean();
            series.Last = e.GetProperty("last").GetInt64();
            StateJson.ReadArray(e, "count", series.Count);
            StateJson.ReadArray(e, "mean", series.Mean);
            StateJson.ReadArray(e, "m2", series.M2);
            series.Restore(e.GetProperty("all_count").GetInt32(), e.GetProperty("all_mean").GetDouble(), e.GetProperty("all_m2").GetDouble());
            _series[entry.Name] = series;
        }

        Trim(_series, MaxEntities, s => s.Last);
    }

    private void Check(string key, Series series, in BehaviourObservation o, IFindingSink sink)
    {
        var slot = series.Slot;
        var (n, mean, spread) = series.Count[slot] >= _minSlotSamples
            ? (series.Count[slot], series.Mean[slot], Math.Sqrt(series.M2[slot] / Math.Max(1, series.Count[slot] - 1)))
            : (series.AllCount, series.AllMean, Math.Sqrt(series.AllM2 / Math.Max(1, series.AllCount - 1)));
        if (n < _minSlotSamples)
        {
            return;
        }

        var z = (Math.Log(1 + series.Total) - mean) / Math.Max(spread, _minSpread);
        var usual = Math.Exp(mean) - 1;
        var ratio = series.Total / Math.Max(1, usual);
        if (z < _minZ || ratio < _minRatio)
        {
            return;
        }

        series.Flagged = true;
        var hourStart = new DateTime(series.Hour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var what = _entity == "user" ? "logged on or failed" : "sent";
        var amount = _entity == "user" ? $"{series.Total:0} times" : Bytes(series.Total) + " out";
        var usualText = _entity == "user" ? $"{usual:0.#}" : Bytes(usual);
        var candidate = new FindingCandidate
        {
            Score = Math.Min(98, 55 + (6 * (z - _minZ))),
            Confidence = Math.Clamp(n / 20.0, 0.3, 1),
            Explanation = $"{key} {what} {amount} between {hourStart:HH}:00 and {hourStart.AddHours(1):HH}:00 UTC on {hourStart:yyyy-MM-dd}"
                + $" (so far); its usual for a {(slot >= 24 ? "weekend" : "weekday")} {hourStart:HH}:00 hour is {usualText} ({ratio:0}x, z {z:0.0}, {n} hours of baseline)"
                + (series.TopDestination is null ? string.Empty : $"; most to {series.TopDestination}"),
            Key = key,
            Ticks = o.Ticks,
            User = _entity == "user" ? o.User : null,
            UserRaw = _entity == "user" ? o.UserRaw : null,
            Host = _entity == "host" ? key : null,
            WeighPrivilege = _entity == "user",
        };
        candidate.Number("total", series.Total);
        candidate.Number("usual", usual);
        candidate.Number("ratio", ratio);
        candidate.Number("z", z);
        candidate.Number("baseline_hours", n);
        if (series.TopDestination is not null)
        {
            candidate.Addresses.Add(series.TopDestination);
        }

        if (o.SourceAddress is not null && _entity != "user")
        {
            candidate.Addresses.Add(o.SourceAddress);
        }

        candidate.Evidence.AddRange(series.Evidence);
        sink.Report(this, candidate);
    }

    private static int SlotOf(long ticks)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        return (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 24 : 0) + time.Hour;
    }

    internal static string Bytes(double bytes) => bytes switch
    {
        >= 1e9 => $"{bytes / 1e9:0.0} GB",
        >= 1e6 => $"{bytes / 1e6:0.0} MB",
        >= 1e3 => $"{bytes / 1e3:0.0} kB",
        _ => $"{bytes:0} B",
    };

    /// <summary>One entity's hourly totals: the open hour and the learnt statistics per slot.</summary>
    private sealed class Series
    {
        public long Hour { get; private set; } = -1;

        public int Slot { get; private set; }

        public double Total { get; set; }

        public bool Flagged { get; set; }

        public long Last { get; set; }

        public long TopBytes { get; set; }

        public string? TopDestination { get; set; }

        public List<BehaviourObservation> Evidence { get; } = [];

        public int[] Count { get; } = new int[Slots];

        public double[] Mean { get; } = new double[Slots];

        public double[] M2 { get; } = new double[Slots];

        public int AllCount { get; private set; }

        public double AllMean { get; private set; }

        public double AllM2 { get; private set; }

        public void Restore(int count, double mean, double m2)
        {
            AllCount = count;
            AllMean = mean;
            AllM2 = m2;
        }

        public void Open(long hour, int slot)
        {
            Hour = hour;
            Slot = slot;
            Total = 0;
            Flagged = false;
            TopBytes = 0;
            TopDestination = null;
            Evidence.Clear();
        }

        /// <summary>Learns the closed hour (unless it raised a finding).</summary>
        public void Close()
        {
            if (Hour < 0 || Flagged)
            {
                return;
            }

            var x = Math.Log(1 + Total);
            Count[Slot]++;
            var delta = x - Mean[Slot];
            Mean[Slot] += delta / Count[Slot];
            M2[Slot] += delta * (x - Mean[Slot]);
            AllCount++;
            var all = x - AllMean;
            AllMean += all / AllCount;
            AllM2 += all * (x - AllMean);
        }
    }
}
