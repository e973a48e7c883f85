using Vigil.Analytics.Backtesting;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Cli.Hunting;
using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Backtesting;

/// <summary>
/// Turns the hunt's rule hits and model findings into backtest alerts: the detector, severity, time, techniques and the
/// entities (canonical and as logged) a scenario is matched by. A rule hit's entities come from the normalized, enriched
/// view of its event (and of the events a correlation correlates).
/// </summary>
internal sealed class BacktestAlertCollector(Normalizer normalizer, ContextEnricher enricher) : IHitWriter
{
    private static readonly string[] UserPaths =
    [
        "user.name", "user.context.id", "actor.user.name", "actor.user.context.id", "process.user.name",
    ];

    private static readonly string[] HostPaths =
    [
        "device.hostname", "device.context.name", "dst_endpoint.hostname", "dst_endpoint.context.name",
        "src_endpoint.hostname", "src_endpoint.context.name",
    ];

    private static readonly string[] AddressPaths = ["src_endpoint.ip", "dst_endpoint.ip", "device.ip"];

    private readonly NormalizedEvent _view = new();
    private readonly List<IndicatorHit> _ignored = [];

    /// <summary>Gets the alerts collected.</summary>
    public List<BacktestAlert> Alerts { get; } = [];

    /// <summary>Gets the number of hits left out because they had no event time.</summary>
    public long WithoutTime { get; private set; }

    public void OnHit(DetectionHit hit)
    {
        if (HitText.Time(hit) is not { } time)
        {
            WithoutTime++;
            return;
        }

        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in hit.CorrelatedEvents.Count > 0 ? hit.CorrelatedEvents : [hit.Event])
        {
            Collect(record, users, hosts, addresses);
        }

        Alerts.Add(new BacktestAlert(
            "rule:" + (hit.Rule.Id ?? hit.Rule.Title),
            hit.Rule.Title,
            string.IsNullOrEmpty(hit.Rule.Level) ? "medium" : hit.Rule.Level,
            time,
            [.. hit.Attack.Techniques.Select(t => t.Id)],
            [.. users],
            [.. hosts],
            [.. addresses]));
    }

    public void OnFinding(ModelFinding finding, AttackMapping attack)
        => Alerts.Add(new BacktestAlert(
            "model:" + finding.Model,
            finding.Explanation,
            finding.Severity,
            finding.Time,
            finding.Techniques,
            [.. finding.Users.SelectMany(u => new[] { u.Canonical, u.AsLogged }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. finding.Hosts.SelectMany(h => new[] { h.Canonical, h.AsLogged }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            finding.Addresses));

    public void Complete()
    {
    }

    public void Dispose()
    {
    }

    private void Collect(EventRecord record, HashSet<string> users, HashSet<string> hosts, HashSet<string> addresses)
    {
        normalizer.Normalize(record, _view);
        _ignored.Clear();
        enricher.Enrich(_view, record.SourceName, _ignored);
        Add(UserPaths, users);
        Add(HostPaths, hosts);
        Add(AddressPaths, addresses);
    }

    private void Add(string[] paths, HashSet<string> into)
    {
        foreach (var path in paths)
        {
            if (_view.Get(path) is { Length: > 0 } value && value != "-")
            {
                into.Add(value);
            }
        }
    }
}
