using Vigil.Analytics.Behaviour.Findings;
using Vigil.Core.Alerts;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Passes hits and findings on to the output writer and keeps each as an alert in the store (<c>--store FILE</c>): the
/// stable id, the detector, severity, time, techniques, entities and the OCSF Detection Finding as JSON. Appends in
/// batches; storing the same hunt twice stores nothing twice.
/// </summary>
internal sealed class StoringHitWriter : IHitWriter
{
    private const int BatchSize = 500;

    private readonly IHitWriter _inner;
    private readonly IAlertStore _store;
    private readonly HitEntities _entities;
    private readonly List<StoredAlert> _pending = [];
    private readonly StringWriter _json = new();
    private readonly OcsfFindingWriter _ocsf;

    public StoringHitWriter(IHitWriter inner, IAlertStore store, HitEntities entitiesOf)
    {
        _inner = inner;
        _store = store;
        _entities = entitiesOf;
        _ocsf = new OcsfFindingWriter(_json);
    }

    /// <summary>Gets how many alerts were new to the store.</summary>
    public long Stored { get; private set; }

    /// <summary>Gets how many alerts were already in it.</summary>
    public long AlreadyStored { get; private set; }

    public void OnHit(DetectionHit hit)
    {
        _inner.OnHit(hit);
        if (HitText.Time(hit) is not { } time)
        {
            return;
        }

        var (users, hosts, addresses) = _entities.Of(hit);
        var entities = users.Concat(hosts).Concat(addresses).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Add(new StoredAlert(FindingIds.Of(hit), "rule:" + (hit.Rule.Id ?? hit.Rule.Title), hit.Rule.Title, Level(hit.Rule.Level), time,
            [.. hit.Attack.Techniques.Select(t => t.Id)], entities, Ocsf(w => w.OnHit(hit))));
    }

    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        _inner.OnFinding(finding, attack);
        var entities = finding.Users.SelectMany(u => new[] { u.Canonical, u.AsLogged })
            .Concat(finding.Hosts.SelectMany(h => new[] { h.Canonical, h.AsLogged }))
            .Concat(finding.Addresses)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        Add(new StoredAlert(FindingIds.Of(finding), "model:" + finding.Model, $"{finding.Model}: {finding.Explanation}", finding.Severity, finding.Time,
            finding.Techniques, entities, Ocsf(w => w.OnFinding(finding, attack))));
    }

    public void Complete()
    {
        Flush();
        _inner.Complete();
    }

    public void Dispose() => _inner.Dispose();

    private void Add(StoredAlert alert)
    {
        _pending.Add(alert);
        if (_pending.Count >= BatchSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var added = _store.Append(_pending);
        Stored += added;
        AlreadyStored += _pending.Count - added;
        _pending.Clear();
    }

    private string Ocsf(Action<OcsfFindingWriter> write)
    {
        _json.GetStringBuilder().Clear();
        write(_ocsf);
        return _json.ToString().TrimEnd('\n');
    }

    private static string Level(string? level) => level is "informational" or "low" or "medium" or "high" or "critical" ? level : "medium";
}
