using Vigil.Analytics.Backtesting;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Cli.Hunting;
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
    private readonly HitEntities _entities = new(normalizer, enricher);

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

        var (users, hosts, addresses) = _entities.Of(hit);

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
}
