using System.Text.Json;
using System.Globalization;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// First-seen and rare pairs (docs/models.md): a user on a host, a user from a network, a process on a host, a parent
/// starting a child, a user with a logon type. A pair never seen in the baseline scores by how many of the entity's peers
/// have it (none: full score), whether the partner is new to everyone (onboarding: lower), how many new partners came
/// within the burst window (lateral movement: higher), and how much history the entity has.
/// </summary>
internal sealed class RarePairModel : BehaviourModel
{
    private static readonly string[] DefaultSuspiciousChildren =
    [
        "cmd.exe", "powershell.exe", "pwsh.exe", "rundll32.exe", "regsvr32.exe", "mshta.exe", "wscript.exe", "cscript.exe",
        "psexesvc.exe", "wmic.exe", "certutil.exe", "bitsadmin.exe", "whoami.exe", "net.exe", "net1.exe", "nltest.exe",
    ];

    private readonly Dictionary<string, PairHistory> _left = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PartnerInfo> _right = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _hostPeers = new(StringComparer.OrdinalIgnoreCase);
    private readonly RarePairKind _kind;
    private readonly double _base;
    private readonly double _peerExponent;
    private readonly double _newPartnerFactor;
    private readonly long _newPartnerTicks;
    private readonly long _adoptionTicks;
    private readonly double _adoptionFactor;
    private readonly AssetScope _excluded;
    private readonly double _popularShare;
    private readonly double _popularFactor;
    private readonly double _burstBonus;
    private readonly long _burstTicks;
    private readonly double _minHistoryDays;
    private readonly double _immatureFactor;
    private readonly int _maxPartners;
    private readonly HashSet<string> _suspicious;
    private readonly double _suspiciousBonus;
    private readonly IReadOnlyList<string> _serviceGroups;
    private readonly double _serviceScore;

    public RarePairModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        var pair = p.Names("pair", ["user-host"]);
        _kind = pair.Count == 1 ? pair[0] switch
        {
            "user-host" => RarePairKind.UserHost,
            "user-source" => RarePairKind.UserSource,
            "host-process" => RarePairKind.HostProcess,
            "parent-child" => RarePairKind.ParentChild,
            "user-logon-type" => RarePairKind.UserLogonType,
            _ => throw new ModelSettingsException(settings.File, $"parameter 'pair' must be user-host, user-source, host-process, parent-child or user-logon-type; got '{pair[0]}'"),
        } : throw new ModelSettingsException(settings.File, "parameter 'pair' takes one value");
        _base = p.Number("base_score", DefaultBase(_kind), 0, 100);
        _peerExponent = p.Number("peer_exponent", 3, 0, 10);
        _newPartnerFactor = p.Number("new_partner_factor", 0.6, 0, 1);
        _newPartnerTicks = (long)(p.Number("new_partner_days", 3, 0, 60) * TimeSpan.TicksPerDay);
        _adoptionTicks = (long)(p.Number("adoption_hours", 48, 0, 24 * 60) * TimeSpan.TicksPerHour);
        _adoptionFactor = p.Number("adoption_factor", 0.5, 0, 1);
        _excluded = AssetScope.Parse(p.Names("exclude_hosts", []), out var scopeError);
        if (scopeError is not null)
        {
            throw new ModelSettingsException(settings.File, "parameter 'exclude_hosts': " + scopeError);
        }

        _popularShare = p.Number("popular_share", 0.25, 0, 1);
        _popularFactor = p.Number("popular_factor", 0.4, 0, 1);
        _burstBonus = p.Number("burst_bonus", 12, 0, 50);
        _burstTicks = (long)(p.Number("burst_window_minutes", 60, 1, 1440) * TimeSpan.TicksPerMinute);
        _minHistoryDays = p.Number("min_history_days", 7, 0, 365);
        _immatureFactor = p.Number("immature_factor", 0.4, 0, 1);
        _maxPartners = (int)p.Number("max_partners", 512, 8, 100_000);
        _suspicious = new HashSet<string>(p.Names("suspicious_children", DefaultSuspiciousChildren), StringComparer.OrdinalIgnoreCase);
        _suspiciousBonus = p.Number("suspicious_child_bonus", 25, 0, 100);
        _serviceGroups = p.Names("service_account_groups", ["Service Accounts"]);
        _serviceScore = p.Number("service_account_interactive_score", 80, 0, 100);
    }

    public override int TrackedEntities => _left.Count + _right.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        if (!TryPair(o, out var left, out var right)
            || (!_excluded.IsEmpty && o.Host is not null && _excluded.Contains(Context.AssetOf(o.Host), o.Host, null)))
        {
            return;
        }

        var learning = IsLearning(o.Ticks);
        if (!_left.TryGetValue(left, out var history))
        {
            Trim(_left, MaxEntities, h => h.Last);
            _left[left] = history = new PairHistory();
        }

        var novel = !history.Seen.ContainsKey(right);
        if (!_right.TryGetValue(right, out var rightInfo))
        {
            _right[right] = rightInfo = new PartnerInfo { First = o.Ticks };
        }

        rightInfo.Last = o.Ticks;
        rightInfo.Adoptions.RemoveAll(t => t < rightInfo.Last - _adoptionTicks);
        if (novel && !learning && history.First != 0)
        {
            Score(o, left, right, history, rightInfo, sink);
        }

        if (novel)
        {
            rightInfo.Entities++;
            if (rightInfo.Adoptions.Count < 64)
            {
                rightInfo.Adoptions.Add(o.Ticks);
            }
        }

        history.Touch(o.Ticks);
        if (novel && history.Seen.Count >= _maxPartners)
        {
            var oldest = history.Seen.MinBy(e => e.Value).Key;
            history.Seen.Remove(oldest);
        }

        history.Seen[right] = o.Ticks;
        if (_right.Count > MaxEntities)
        {
            Trim(_right, MaxEntities, r => r.Last);
        }

        if (_kind == RarePairKind.HostProcess && PeerKeyOfHost(left) is { } peerKey)
        {
            if (!_hostPeers.TryGetValue(peerKey, out var hosts))
            {
                _hostPeers[peerKey] = hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            if (hosts.Count < 10_000)
            {
                hosts.Add(left);
            }
        }
    }

    public override void WriteState(Utf8JsonWriter json)
    {
        json.WriteStartObject("left");
        foreach (var (key, history) in _left)
        {
            json.WriteStartObject(key);
            json.WriteNumber("first", history.First);
            json.WriteNumber("last", history.Last);
            json.WriteStartObject("seen");
            foreach (var (partner, ticks) in history.Seen)
            {
                json.WriteNumber(partner, ticks);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("right");
        foreach (var (key, partner) in _right)
        {
            json.WriteStartArray(key);
            json.WriteNumberValue(partner.First);
            json.WriteNumberValue(partner.Last);
            json.WriteNumberValue(partner.Entities);
            foreach (var adoption in partner.Adoptions)
            {
                json.WriteNumberValue(adoption);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("host_peers");
        foreach (var (key, hosts) in _hostPeers)
        {
            json.WriteStartArray(key);
            foreach (var host in hosts)
            {
                json.WriteStringValue(host);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var entry in state.GetProperty("left").EnumerateObject())
        {
            var history = new PairHistory
            {
                First = entry.Value.GetProperty("first").GetInt64(),
                Last = entry.Value.GetProperty("last").GetInt64(),
            };
            foreach (var seen in entry.Value.GetProperty("seen").EnumerateObject().Take(_maxPartners))
            {
                history.Seen[seen.Name] = seen.Value.GetInt64();
            }

            _left[entry.Name] = history;
        }

        foreach (var entry in state.GetProperty("right").EnumerateObject())
        {
            var partner = new PartnerInfo { First = entry.Value[0].GetInt64(), Last = entry.Value[1].GetInt64(), Entities = entry.Value[2].GetInt32() };
            partner.Adoptions.AddRange(entry.Value.EnumerateArray().Skip(3).Take(64).Select(a => a.GetInt64()));
            _right[entry.Name] = partner;
        }

        foreach (var entry in state.GetProperty("host_peers").EnumerateObject())
        {
            _hostPeers[entry.Name] = new HashSet<string>(entry.Value.EnumerateArray().Select(h => h.GetString() ?? string.Empty), StringComparer.OrdinalIgnoreCase);
        }

        Trim(_left, MaxEntities, h => h.Last);
        Trim(_right, MaxEntities, r => r.Last);
    }

    private void Score(in BehaviourObservation o, string left, string right, PairHistory history, PartnerInfo partner, IFindingSink sink)
    {
        var rightFirst = partner.First;
        var days = (o.Ticks - history.First) / (double)TimeSpan.TicksPerDay;
        var candidate = new FindingCandidate { Score = _base, Confidence = HistoryConfidence(days), Explanation = string.Empty, Key = left, Ticks = o.Ticks };
        candidate.Number("baseline_days", days);
        candidate.Number("known_partners", history.Seen.Count);
        var what = Describe(left, right);

        // Service accounts that only ever logged on as services or over the network, now interactively.
        if (_kind == RarePairKind.UserLogonType && IsInteractive(o.LogonType) && IsServiceAccount(o.User))
        {
            candidate.Score = _serviceScore;
            candidate.Explanation = $"service account {left} logged on {LogonTypeName(o.LogonType)} (type {o.LogonType}) to {o.Host ?? "?"}"
                + $" from {o.SourceHost ?? o.SourceAddress ?? "?"}; in {days:0} days it logged on only as {string.Join(", ", history.Seen.Keys.Order(StringComparer.Ordinal))}";
            Fill(candidate, o);
            sink.Report(this, candidate);
            return;
        }

        var text = $"first {what} in {days:0} days of baseline";
        if (_kind == RarePairKind.ParentChild && _suspicious.Contains(right))
        {
            candidate.Score += _suspiciousBonus;
            text += $"; {right} is a child often used by attackers";
        }

        var (used, peers, peerName) = PeerUsage(left, right);
        if (peers > 0)
        {
            var share = used / (double)peers;
            candidate.Score *= Math.Pow(1 - share, _peerExponent);
            candidate.Number("peers_with_pair", used);
            candidate.Number("peers", peers);
            text += $"; {used} of {peers} {peerName} peers have it";
        }

        // A partner most entities have (the VPN gateway everyone logs on to, a program on every host) is a shared service.
        var popularity = _left.Count > 0 ? partner.Entities / (double)_left.Count : 0;
        if (popularity >= _popularShare && _kind is RarePairKind.UserHost or RarePairKind.HostProcess)
        {
            candidate.Score *= _popularFactor;
            candidate.Number("popularity", popularity);
            text += $"; {popularity:P0} of all {(_kind == RarePairKind.UserHost ? "users" : "hosts")} have it (a shared service)";
        }

        var adopters = partner.Adoptions.Count;
        if (adopters > 0 && _kind is RarePairKind.UserHost or RarePairKind.HostProcess)
        {
            // Others took the host (or program) up just before: a rollout, not one intruder's path.
            candidate.Score *= Math.Pow(_adoptionFactor, Math.Min(adopters, 3));
            candidate.Number("recent_adopters", adopters);
            text += $"; {adopters} other {(_kind == RarePairKind.UserHost ? "users" : "hosts")} started using {right} within {_adoptionTicks / TimeSpan.TicksPerHour} h (a rollout)";
        }

        if (o.Ticks - rightFirst < _newPartnerTicks && _kind is RarePairKind.UserHost or RarePairKind.HostProcess)
        {
            candidate.Score *= _newPartnerFactor;
            text += $"; {right} itself is new (first seen {Day(rightFirst)})";
        }

        var now = o.Ticks;
        history.RecentNovel.RemoveAll(t => now - t > _burstTicks);
        history.RecentNovel.Add(o.Ticks);
        var burst = history.RecentNovel.Count;
        candidate.Number("new_partners_in_window", burst);
        if (burst >= 3)
        {
            candidate.Score += Math.Min(3 * _burstBonus, _burstBonus * (burst - 2));
            text += $"; {burst} new {PartnerNoun()} for {left} within {_burstTicks / TimeSpan.TicksPerMinute} min";
        }

        if (days < _minHistoryDays)
        {
            candidate.Score *= _immatureFactor;
            text += $"; {left} has only {days:0.#} days of history";
        }

        candidate.Explanation = text;
        Fill(candidate, o);
        sink.Report(this, candidate);
    }

    /// <summary>What a rare-pair model remembers of a partner: first and last seen, and who took it up recently.</summary>
    private sealed class PartnerInfo
    {
        public long First { get; init; }

        public long Last { get; set; }

        /// <summary>Gets or sets how many entities have had it.</summary>
        public int Entities { get; set; }

        /// <summary>Gets the times entities started using it within the adoption window.</summary>
        public List<long> Adoptions { get; } = [];
    }

    private void Fill(FindingCandidate candidate, in BehaviourObservation o)
    {
        candidate.User = o.User;
        candidate.UserRaw = o.UserRaw;
        candidate.Host = o.Host;
        candidate.SourceHost = o.SourceHost;
        candidate.WeighPrivilege = _kind is RarePairKind.UserHost or RarePairKind.UserSource or RarePairKind.UserLogonType;
        if (o.SourceAddress is not null)
        {
            candidate.Addresses.Add(o.SourceAddress);
        }

        candidate.Evidence.Add(o);
    }

    private (int Used, int Peers, string? Name) PeerUsage(string left, string right)
    {
        if (_kind == RarePairKind.HostProcess)
        {
            if (PeerKeyOfHost(left) is not { } key || !_hostPeers.TryGetValue(key, out var hosts))
            {
                return (0, 0, null);
            }

            var usedHosts = hosts.Count(h => !h.Equals(left, StringComparison.OrdinalIgnoreCase) && _left.TryGetValue(h, out var ph) && ph.Seen.ContainsKey(right));
            return (usedHosts, hosts.Count - (hosts.Contains(left) ? 1 : 0), key);
        }

        if (_kind is RarePairKind.ParentChild || Context.IdentityOf(left)?.PeerGroup is not { } group)
        {
            return (0, 0, null);
        }

        var used = 0;
        var peers = 0;
        foreach (var peer in Context.PeersOf(group))
        {
            if (peer.Equals(left, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            peers++;
            used += _left.TryGetValue(peer, out var ph) && ph.Seen.ContainsKey(right) ? 1 : 0;
        }

        return (used, peers, group);
    }

    private string? PeerKeyOfHost(string host)
        => Context.AssetOf(host) is { } asset ? $"{asset.Type ?? "host"}/{asset.BusinessUnit ?? "-"}" : null;

    private bool TryPair(in BehaviourObservation o, out string left, out string right)
    {
        (left, right) = _kind switch
        {
            RarePairKind.UserHost when o.Kind == ObservationKind.LogonSuccess && o.User is not null && o.Host is not null
                && !string.Equals(o.Host, o.SourceHost, StringComparison.OrdinalIgnoreCase) => (o.User, o.Host),
            RarePairKind.UserSource when o.Kind == ObservationKind.LogonSuccess && o.User is not null && (o.Segment ?? o.SourceHost) is { } source
                => (o.User, source),
            RarePairKind.HostProcess when o.Kind == ObservationKind.ProcessStart => (o.Host!, o.Process!),
            RarePairKind.ParentChild when o.Kind == ObservationKind.ProcessStart && o.Parent is not null => (o.Parent, o.Process!),
            RarePairKind.UserLogonType when o.Kind == ObservationKind.LogonSuccess && o.User is not null && o.LogonType != 0
                => (o.User, LogonTypeName(o.LogonType)),
            _ => (null!, null!),
        };
        return left is not null;
    }

    private bool IsServiceAccount(string? user)
        => Context.IdentityOf(user) is { } identity && identity.Groups.Any(g => _serviceGroups.Contains(g, StringComparer.OrdinalIgnoreCase));

    private static bool IsInteractive(byte logonType) => logonType is 2 or 10 or 11 or 12 or 13;

    internal static string LogonTypeName(byte logonType) => logonType switch
    {
        2 => "interactive",
        3 => "network",
        4 => "batch",
        5 => "service",
        7 => "unlock",
        8 => "network-cleartext",
        9 => "new-credentials",
        10 => "remote-interactive",
        11 => "cached-interactive",
        _ => "type-" + logonType.ToString(CultureInfo.InvariantCulture),
    };

    private string Describe(string left, string right) => _kind switch
    {
        RarePairKind.UserHost => $"logon by {left} to {right}",
        RarePairKind.UserSource => $"logon by {left} from {right}",
        RarePairKind.HostProcess => $"run of {right} on {left}",
        RarePairKind.ParentChild => $"start of {right} by {left}",
        _ => $"{right} logon by {left}",
    };

    private string PartnerNoun() => _kind switch
    {
        RarePairKind.UserHost => "hosts",
        RarePairKind.UserSource => "sources",
        RarePairKind.HostProcess => "processes",
        RarePairKind.ParentChild => "children",
        _ => "logon types",
    };

    private static double DefaultBase(RarePairKind kind) => kind switch
    {
        RarePairKind.UserHost => 55,
        RarePairKind.UserSource => 30,
        RarePairKind.HostProcess => 28,
        RarePairKind.ParentChild => 30,
        _ => 20,
    };
}
