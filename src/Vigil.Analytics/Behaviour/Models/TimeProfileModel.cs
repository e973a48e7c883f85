using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// Time-of-day and day-of-week profiles of interactive logons, per user and per peer group: 48 counters each (24 hours
/// of weekdays, 24 of weekends, UTC). A logon is unusual when the user almost never logs on at that hour (±1 h) and the
/// nearest hour the user usually works is far; the score grows with that gap and shrinks when the user's peers do work
/// at that hour.
/// </summary>
internal sealed class TimeProfileModel : BehaviourModel
{
    private const int Slots = 48;
    private const int HomePositions = 20;

    private readonly Dictionary<string, Profile> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Profile> _peers = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _minEvents;
    private readonly long _travelTicks;
    private readonly double _rareShare;
    private readonly double _usualShare;
    private readonly double _minGapHours;
    private readonly double _scorePerHour;
    private readonly double _peerShare;
    private readonly double _serverBase;
    private readonly double _workstationBase;
    private readonly double _workstationPerHour;
    private readonly AssetScope _workstationLike;

    public TimeProfileModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        _minEvents = p.Number("min_events", 30, 1, 100_000);
        _travelTicks = (long)(p.Number("travel_hours", 72, 0, 24 * 30) * TimeSpan.TicksPerHour);
        _rareShare = p.Number("rare_share", 0.005, 0, 1);
        _usualShare = p.Number("usual_share", 0.02, 0, 1);
        _minGapHours = p.Number("min_gap_hours", 3, 0, 24);
        _scorePerHour = p.Number("score_per_hour", 7.5, 0, 100);
        _serverBase = p.Number("base_score", 35, 0, 100);
        _workstationBase = p.Number("workstation_base_score", 20, 0, 100);
        _workstationPerHour = p.Number("workstation_score_per_hour", 3, 0, 100);
        _workstationLike = AssetScope.Parse(p.Names("workstation_like_hosts", ["type:workstation", "tag:vpn"]), out var scopeError);
        if (scopeError is not null)
        {
            throw new ModelSettingsException(settings.File, "parameter 'workstation_like_hosts': " + scopeError);
        }
        _peerShare = p.Number("peer_usual_share", 0.02, 0, 1);
    }

    public override int TrackedEntities => _users.Count + _peers.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        if (o.Kind != ObservationKind.LogonSuccess || o.User is null || o.LogonType is not (0 or 2 or 10 or 11))
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        var time = new DateTime(o.Ticks, DateTimeKind.Utc);
        var slot = (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 24 : 0) + time.Hour;
        if (!_users.TryGetValue(o.User, out var user))
        {
            Trim(_users, MaxEntities, u => u.Last);
            _users[o.User] = user = new Profile();
        }

        var peerGroup = Context.IdentityOf(o.User)?.PeerGroup;
        Profile? peers = null;
        if (peerGroup is not null && !_peers.TryGetValue(peerGroup, out peers))
        {
            _peers[peerGroup] = peers = new Profile();
        }

        if (!learning && user.Total >= _minEvents)
        {
            Score(o, slot, user, peers, peerGroup, sink);
        }

        if (o.HasGeo)
        {
            user.AddPosition(o.Longitude, o.Ticks, o.Place);
        }

        user.Add(slot, o.Ticks);
        peers?.Add(slot, o.Ticks);
    }

    public override void WriteState(Utf8JsonWriter json)
    {
        foreach (var (name, table) in new[] { ("users", _users), ("peer_groups", _peers) })
        {
            json.WriteStartObject(name);
            foreach (var (key, profile) in table)
            {
                json.WriteStartObject(key);
                json.WriteNumber("last", profile.Last);
                StateJson.WriteArray(json, "counts", profile.Counts);
                json.WriteNumber("home_sum", profile.Home.Sum);
                json.WriteNumber("home_count", profile.Home.Count);
                if (!double.IsNaN(profile.LastLongitude))
                {
                    json.WriteNumber("last_longitude", profile.LastLongitude);
                    json.WriteNumber("last_position_ticks", profile.LastPositionTicks);
                    json.WriteString("last_place", profile.LastPlace);
                }
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var (name, table) in new[] { ("users", _users), ("peer_groups", _peers) })
        {
            foreach (var entry in state.GetProperty(name).EnumerateObject())
            {
                var profile = new Profile();
                StateJson.ReadArray(entry.Value, "counts", profile.Counts);
                profile.Restore(entry.Value.GetProperty("last").GetInt64());
                var e = entry.Value;
                profile.RestorePosition(
                    e.GetProperty("home_sum").GetDouble(),
                    e.GetProperty("home_count").GetInt32(),
                    e.TryGetProperty("last_longitude", out var lon) ? lon.GetDouble() : double.NaN,
                    e.TryGetProperty("last_position_ticks", out var at) ? at.GetInt64() : 0,
                    StateJson.OptionalString(e, "last_place"));
                table[entry.Name] = profile;
            }
        }

        Trim(_users, MaxEntities, u => u.Last);
    }

    private void Score(in BehaviourObservation o, int slot, Profile user, Profile? peers, string? peerGroup, IFindingSink sink)
    {
        var share = user.Smoothed(slot) / user.Total;
        if (share >= _rareShare)
        {
            return;
        }

        var gap = user.HoursToUsual(slot, _usualShare);
        if (gap < _minGapHours)
        {
            return;
        }

        // A user logging on from far east or west of home (a trip, seen on the VPN) works at local hours: judge the hour
        // shifted by the time-zone difference as well, and keep the smaller gap.
        var shift = user.TravelShiftHours(o.Ticks, _travelTicks);
        string? travel = null;
        if (shift != 0)
        {
            var block = slot / 24 * 24;
            var shifted = block + (((slot % 24) + shift + 48) % 24);
            var shiftedGap = user.Smoothed(shifted) / user.Total >= _rareShare ? 0 : user.HoursToUsual(shifted, _usualShare);
            travel = $"; travelling (last logon from {user.LastPlace ?? "far away"}, {Math.Abs(shift)} h {(shift < 0 ? "behind" : "ahead of")} home), so {((slot % 24) + shift + 48) % 24:00}:xx local";
            if (shiftedGap < _minGapHours)
            {
                return;
            }

            gap = Math.Min(gap, shiftedGap);
        }

        var peerShare = peers is { Total: > 0 } ? peers.Smoothed(slot) / peers.Total : 0;

        // A logon to one's own kind of machine (a workstation, or the VPN that people working from home or abroad use at
        // their local hours) at an odd hour is worth less than one to a server or a domain controller; the user's
        // privilege only weighs the latter.
        var workstation = o.Host is not null && _workstationLike.Contains(Context.AssetOf(o.Host), o.Host, null);
        var score = workstation
            ? _workstationBase + (_workstationPerHour * Math.Min(gap, 6))
            : _serverBase + (_scorePerHour * Math.Min(gap, 6));
        var text = $"logon by {o.User} at {Clock(o.Ticks)} UTC to {o.Host ?? "?"}: {user.Counts[slot]} of {user.Total} baseline logons at this hour"
            + $" ({share:P1} within ±1 h); the nearest hour it usually logs on is {(gap >= 24 ? "on other days" : $"{gap} h away")}";
        text += travel;
        if (peerGroup is not null)
        {
            text += $"; {peerShare:P1} of {peerGroup} peers' logons are at this hour";
            if (peerShare >= _peerShare)
            {
                score *= 0.5;
            }
        }

        var candidate = new FindingCandidate
        {
            Score = score,
            Confidence = Math.Clamp(user.Total / (_minEvents * 4), 0.3, 1),
            Explanation = text,
            Key = o.User!,
            Ticks = o.Ticks,
            User = o.User,
            UserRaw = o.UserRaw,
            Host = o.Host,
            SourceHost = o.SourceHost,
            WeighPrivilege = !workstation,
        };
        candidate.Number("user_logons_at_hour", user.Counts[slot]);
        candidate.Number("user_baseline_logons", user.Total);
        candidate.Number("user_share_at_hour", share);
        candidate.Number("hours_to_usual", gap);
        candidate.Number("peer_share_at_hour", peerShare);
        if (o.SourceAddress is not null)
        {
            candidate.Addresses.Add(o.SourceAddress);
        }

        candidate.Evidence.Add(o);
        sink.Report(this, candidate);
    }

    /// <summary>Logon counts per hour slot (weekday 0-23, weekend 24-47).</summary>
    private sealed class Profile
    {
        public int[] Counts { get; } = new int[Slots];

        public int Total { get; private set; }

        public long Last { get; private set; }

        /// <summary>Sets the total from the counts and the last time, after the counts were read from a state file.</summary>
        public void Restore(long last)
        {
            if (Counts.Any(c => c < 0))
            {
                throw new FormatException("a logon count is negative");
            }

            Total = Counts.Sum();
            Last = last;
        }

        /// <summary>Gets the mean longitude of the first positions seen (home), or NaN.</summary>
        public double HomeLongitude => _homeCount == 0 ? double.NaN : _homeSum / _homeCount;

        public double LastLongitude { get; private set; } = double.NaN;

        public long LastPositionTicks { get; private set; }

        public string? LastPlace { get; private set; }

        private double _homeSum;
        private int _homeCount;

        public void AddPosition(double longitude, long ticks, string? place)
        {
            if (_homeCount < HomePositions)
            {
                _homeSum += longitude;
                _homeCount++;
            }

            LastLongitude = longitude;
            LastPositionTicks = ticks;
            LastPlace = place;
        }

        /// <summary>Hours between the last position (when recent and far from home) and home, by longitude; 0 when at home.</summary>
        public int TravelShiftHours(long now, long recent)
        {
            if (_homeCount < 3 || double.IsNaN(LastLongitude) || now - LastPositionTicks > recent)
            {
                return 0;
            }

            var degrees = LastLongitude - HomeLongitude;
            return Math.Abs(degrees) < 30 ? 0 : (int)Math.Round(degrees / 15);
        }

        public void RestorePosition(double homeSum, int homeCount, double lastLongitude, long lastTicks, string? lastPlace)
        {
            _homeSum = homeSum;
            _homeCount = Math.Clamp(homeCount, 0, HomePositions);
            LastLongitude = lastLongitude;
            LastPositionTicks = lastTicks;
            LastPlace = lastPlace;
        }

        public (double Sum, int Count) Home => (_homeSum, _homeCount);

        public void Add(int slot, long ticks)
        {
            Counts[slot]++;
            Total++;
            Last = ticks;
        }

        /// <summary>The count at a slot plus half of each neighbouring hour (same weekday/weekend block).</summary>
        public double Smoothed(int slot)
        {
            var block = slot / 24 * 24;
            var hour = slot % 24;
            return Counts[slot] + (0.5 * (Counts[block + ((hour + 23) % 24)] + Counts[block + ((hour + 1) % 24)]));
        }

        /// <summary>Hours from a slot to the nearest hour of the same block holding a usual share of logons; 24 when none.</summary>
        public int HoursToUsual(int slot, double usualShare)
        {
            var block = slot / 24 * 24;
            var hour = slot % 24;
            for (var d = 0; d <= 12; d++)
            {
                if (Counts[block + ((hour + d) % 24)] >= usualShare * Total || Counts[block + ((hour + 24 - d) % 24)] >= usualShare * Total)
                {
                    return d;
                }
            }

            return 24;
        }
    }
}
