using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// Additions to privileged groups (Administrators, Domain Admins...), weighed by whether the member is an account created
/// shortly before (a new administrator account) and whether the one adding it has done so in the baseline.
/// </summary>
internal sealed class PrivilegedGroupModel : BehaviourModel
{
    private static readonly string[] DefaultGroups =
    [
        "Administrators", "Domain Admins", "Enterprise Admins", "Schema Admins", "Account Operators", "Backup Operators", "Server Operators",
    ];

    private readonly Dictionary<string, long> _created = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _actors = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _groups;
    private readonly long _recent;
    private readonly double _baseScore;
    private readonly double _newAccountScore;

    public PrivilegedGroupModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        _groups = new HashSet<string>(p.Names("groups", DefaultGroups), StringComparer.OrdinalIgnoreCase);
        _recent = (long)(p.Number("new_account_hours", 24, 0, 24 * 365) * TimeSpan.TicksPerHour);
        _baseScore = p.Number("base_score", 60, 0, 100);
        _newAccountScore = p.Number("new_account_score", 85, 0, 100);
    }

    public override int TrackedEntities => _created.Count + _actors.Count;

    public override void WriteState(Utf8JsonWriter json)
    {
        foreach (var (name, table) in new[] { ("created", _created), ("actors", _actors) })
        {
            json.WriteStartObject(name);
            foreach (var (key, ticks) in table)
            {
                json.WriteNumber(key, ticks);
            }

            json.WriteEndObject();
        }
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var (name, table) in new[] { ("created", _created), ("actors", _actors) })
        {
            foreach (var entry in state.GetProperty(name).EnumerateObject())
            {
                table[entry.Name] = entry.Value.GetInt64();
            }
        }
    }

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        if (o.Kind == ObservationKind.AccountCreated)
        {
            Trim(_created, MaxEntities, t => t);
            _created[o.Target!] = o.Ticks;
            return;
        }

        if (o.Kind != ObservationKind.GroupMemberAdded || !_groups.Contains(o.Target!))
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        var actor = o.User ?? "?";
        var actorKnown = _actors.ContainsKey(actor);
        Trim(_actors, MaxEntities, t => t);
        _actors[actor] = o.Ticks;
        if (learning)
        {
            return;
        }

        var member = o.Member ?? "?";
        var created = _created.TryGetValue(member, out var createdTicks) && o.Ticks - createdTicks <= _recent;
        var score = created ? _newAccountScore : _baseScore;
        var text = $"{member} was added to {o.Target} by {actor} on {o.Host ?? "?"}";
        if (created)
        {
            text += $"; the account was created {TimeSpan.FromTicks(o.Ticks - createdTicks).TotalMinutes:0} min before";
        }

        if (!actorKnown)
        {
            score += 10;
            text += $"; {actor} made no privileged group change in {BaselineDays(o.Ticks):0} days of baseline";
        }

        var candidate = new FindingCandidate
        {
            Score = Math.Min(100, score),
            Confidence = HistoryConfidence(BaselineDays(o.Ticks)),
            Explanation = text,
            Key = member + "|" + o.Target,
            Ticks = o.Ticks,
            User = o.User,
            UserRaw = o.UserRaw,
            Host = o.Host,
        };
        candidate.Number("minutes_since_creation", created ? TimeSpan.FromTicks(o.Ticks - createdTicks).TotalMinutes : -1);
        candidate.Number("actor_known", actorKnown ? 1 : 0);
        candidate.Evidence.Add(o);
        sink.Report(this, candidate);
    }
}
