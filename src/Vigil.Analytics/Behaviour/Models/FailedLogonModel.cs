using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// Failed-logon bursts and spraying over a sliding window: many accounts failing from one source (spraying), many
/// accounts failing at one destination from several sources (credential stuffing against a VPN or a domain controller,
/// compared with the busiest hour of its baseline), many failures of one account (brute force), and a success from a
/// source that was spraying.
/// </summary>
internal sealed class FailedLogonModel : BehaviourModel
{
    private readonly Dictionary<string, Window> _bySource = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Window> _byDestination = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Window> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _baselineBusiest = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _window;
    private readonly int _sprayUsers;
    private readonly int _stuffingUsers;
    private readonly double _stuffingRatio;
    private readonly int _bruteForce;

    public FailedLogonModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        _window = (long)(p.Number("window_minutes", 60, 1, 1440) * TimeSpan.TicksPerMinute);
        _sprayUsers = (int)p.Number("spray_users", 10, 2, 100_000);
        _stuffingUsers = (int)p.Number("stuffing_users", 20, 2, 100_000);
        _stuffingRatio = p.Number("stuffing_ratio", 3, 1, 1000);
        _bruteForce = (int)p.Number("brute_force_failures", 20, 2, 100_000);
    }

    public override int TrackedEntities => _bySource.Count + _byDestination.Count + _byUser.Count + _baselineBusiest.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        if (o.Kind is not (ObservationKind.LogonFailure or ObservationKind.LogonSuccess) || o.User is null)
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        var source = o.SourceAddress ?? o.SourceHost;
        if (o.Kind == ObservationKind.LogonSuccess)
        {
            if (!learning && source is not null && _bySource.TryGetValue(source, out var spraying))
            {
                spraying.Expire(o.Ticks - _window);
                if (spraying.DistinctUsers >= _sprayUsers && spraying.Users.ContainsKey(o.User))
                {
                    Report(sink, o, "success:" + source, 85,
                        $"{o.User} logged on successfully from {source} after failing there, within {_window / TimeSpan.TicksPerMinute} min of {spraying.DistinctUsers} accounts failing from it",
                        spraying);
                }
            }

            return;
        }

        if (source is not null)
        {
            var window = Get(_bySource, source, o);
            if (!learning && window.DistinctUsers >= _sprayUsers && !window.Reported)
            {
                window.Reported = true;
                Report(sink, o, "source:" + source, Math.Min(95, 60 + (1.5 * (window.DistinctUsers - _sprayUsers))),
                    $"{window.DistinctUsers} accounts failed to log on from {source} within {_window / TimeSpan.TicksPerMinute} min ({window.Count} failures) to {o.Host ?? "?"}: password spraying",
                    window);
            }
        }

        if (o.Host is not null)
        {
            var window = Get(_byDestination, o.Host, o);
            if (learning)
            {
                _baselineBusiest[o.Host] = Math.Max(_baselineBusiest.GetValueOrDefault(o.Host), window.DistinctUsers);
            }
            else if (!window.Reported && window.DistinctUsers >= _stuffingUsers && window.DistinctSources >= 2
                && window.DistinctUsers >= _stuffingRatio * Math.Max(1, _baselineBusiest.GetValueOrDefault(o.Host)))
            {
                window.Reported = true;
                var busiest = _baselineBusiest.GetValueOrDefault(o.Host);
                Report(sink, o, "destination:" + o.Host, Math.Min(95, 60 + (0.5 * (window.DistinctUsers - _stuffingUsers))),
                    $"{window.DistinctUsers} accounts failed to log on at {o.Host} within {_window / TimeSpan.TicksPerMinute} min from {window.DistinctSources} sources;"
                    + $" its busiest baseline window had {busiest}: credential stuffing or spraying", window, host: o.Host);
            }
        }

        var user = Get(_byUser, o.User, o);
        if (!learning && user.Count >= _bruteForce && !user.Reported)
        {
            user.Reported = true;
            Report(sink, o, "user:" + o.User, Math.Min(90, 50 + (user.Count - _bruteForce)),
                $"{user.Count} failed logons of {o.User} within {_window / TimeSpan.TicksPerMinute} min from {user.DistinctSources} sources: brute force", user);
        }
    }

    /// <summary>Keeps the destinations' baseline; the sliding windows (an hour) start empty after a reload.</summary>
    public override void WriteState(Utf8JsonWriter json)
    {
        json.WriteStartObject("busiest_baseline_window");
        foreach (var (key, users) in _baselineBusiest)
        {
            json.WriteNumber(key, users);
        }

        json.WriteEndObject();
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var entry in state.GetProperty("busiest_baseline_window").EnumerateObject())
        {
            _baselineBusiest[entry.Name] = entry.Value.GetInt32();
        }
    }

    private Window Get(Dictionary<string, Window> table, string key, in BehaviourObservation o)
    {
        if (!table.TryGetValue(key, out var window))
        {
            Trim(table, MaxEntities, w => w.Last);
            table[key] = window = new Window();
        }

        window.Expire(o.Ticks - _window);
        window.Add(o);
        return window;
    }

    private void Report(IFindingSink sink, in BehaviourObservation o, string key, double score, string text, Window window, string? host = null)
    {
        var candidate = new FindingCandidate
        {
            Score = score,
            Confidence = IsLearning(o.Ticks) ? 0.3 : HistoryConfidence(BaselineDays(o.Ticks)),
            Explanation = text,
            Key = key,
            Ticks = o.Ticks,
            User = o.User,
            UserRaw = o.UserRaw,
            Host = host ?? o.Host,
            WeighPrivilege = false,
            Suppressible = false,
        };
        candidate.Number("accounts", window.DistinctUsers);
        candidate.Number("failures", window.Count);
        candidate.Number("sources", window.DistinctSources);
        candidate.Number("window_minutes", _window / TimeSpan.TicksPerMinute);
        foreach (var address in window.Sources.Keys.Take(20))
        {
            candidate.Addresses.Add(address);
        }

        candidate.Evidence.AddRange(window.Events.TakeLast(FindingsLimit));
        candidate.Evidence.Add(o);
        sink.Report(this, candidate);
    }

    private const int FindingsLimit = 19;

    /// <summary>The failures of one key within the window, with distinct-user and distinct-source counts.</summary>
    private sealed class Window
    {
        private const int MaxEvents = 4096;

        public Queue<BehaviourObservation> Events { get; } = new();

        public Dictionary<string, int> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, int> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Count => Events.Count;

        public int DistinctUsers => Users.Count;

        public int DistinctSources => Sources.Count;

        public bool Reported { get; set; }

        public long Last { get; private set; }

        public void Add(in BehaviourObservation o)
        {
            if (Events.Count >= MaxEvents)
            {
                Remove(Events.Dequeue());
            }

            Events.Enqueue(o);
            Last = o.Ticks;
            Users[o.User!] = Users.GetValueOrDefault(o.User!) + 1;
            if ((o.SourceAddress ?? o.SourceHost) is { } source)
            {
                Sources[source] = Sources.GetValueOrDefault(source) + 1;
            }
        }

        public void Expire(long before)
        {
            while (Events.Count > 0 && Events.Peek().Ticks < before)
            {
                Remove(Events.Dequeue());
            }

            if (Events.Count == 0)
            {
                Reported = false;
            }
        }

        private void Remove(in BehaviourObservation o)
        {
            Decrement(Users, o.User!);
            if ((o.SourceAddress ?? o.SourceHost) is { } source)
            {
                Decrement(Sources, source);
            }
        }

        private static void Decrement(Dictionary<string, int> counts, string key)
        {
            if (counts.TryGetValue(key, out var count))
            {
                if (count <= 1)
                {
                    counts.Remove(key);
                }
                else
                {
                    counts[key] = count - 1;
                }
            }
        }
    }
}
