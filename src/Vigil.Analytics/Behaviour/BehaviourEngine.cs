using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Ingest.Enrichment.Assets;

namespace Vigil.Analytics.Behaviour;

/// <summary>
/// Runs the behavioural models over observations in time order and turns their candidates into findings: weighs each
/// with the organisation's context (asset criticality, privileged users, maintenance windows, approved privileged
/// access), drops what stays under the model's threshold, and keeps each model quiet about the same entities for its
/// cooldown unless the severity rises. Not thread-safe: one engine sees one ordered stream.
/// </summary>
internal sealed class BehaviourEngine : IFindingSink
{
    private readonly BehaviourContext _context;
    private readonly ScoringSettings _scoring;
    private readonly Dictionary<string, (long Ticks, int Rank)> _lastReported = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ModelFinding> _findings = [];

    private readonly List<BehaviourModel> _models;

    public BehaviourEngine(IReadOnlyList<BehaviourModel> models, BehaviourContext context, ScoringSettings scoring)
    {
        _models = [.. models];
        _context = context;
        _scoring = scoring;
    }

    public IReadOnlyList<BehaviourModel> Models => _models;

    /// <summary>Replaces a model by a fresh one with the same settings (after a state that did not fit was partly read).</summary>
    public void Reset(BehaviourModel model)
    {
        var index = _models.IndexOf(model);
        var errors = new List<ModelError>();
        var fresh = BehaviourModelFactory.Create([model.Settings], _context, errors);
        if (index >= 0 && fresh.Count == 1)
        {
            _models[index] = fresh[0];
        }
    }

    public IReadOnlyList<ModelFinding> Findings => _findings;

    /// <summary>Returns the findings reported so far and forgets them (a long-running server keeps no growing list).</summary>
    /// <returns>The findings, in the order reported.</returns>
    public IReadOnlyList<ModelFinding> TakeFindings()
    {
        var taken = _findings.ToArray();
        _findings.Clear();
        return taken;
    }

    /// <summary>Gets how many observations were seen.</summary>
    public long Observations { get; private set; }

    /// <summary>Gets how many candidates stayed under their model's threshold after weighing.</summary>
    public long BelowThreshold { get; private set; }

    /// <summary>Gets how many candidates a cooldown held back.</summary>
    public long HeldBack { get; private set; }

    /// <summary>Gets how many candidates a maintenance window or an approved pattern lowered.</summary>
    public long Lowered { get; private set; }

    public void Observe(in BehaviourObservation observation)
    {
        Observations++;
        foreach (var model in Models)
        {
            model.Observe(observation, this);
        }
    }

    public void Complete()
    {
        foreach (var model in Models)
        {
            model.Flush(this);
        }
    }

    /// <inheritdoc />
    public void Report(BehaviourModel model, FindingCandidate candidate)
    {
        var time = new DateTimeOffset(candidate.Ticks, TimeSpan.Zero);
        var factors = new List<string>();
        var score = candidate.Score;
        var identity = _context.IdentityOf(candidate.User);
        var asset = _context.AssetOf(candidate.Host);
        if (asset is not null && _scoring.CriticalityWeights.TryGetValue(asset.Criticality, out var weight) && weight != 1)
        {
            score *= weight;
            factors.Add($"host {asset.Name} criticality {Name(asset.Criticality)} x{weight:0.##}");
        }

        if (candidate.WeighPrivilege && identity is { Privileged: true } && _scoring.PrivilegedWeight != 1)
        {
            score *= _scoring.PrivilegedWeight;
            factors.Add($"privileged user {identity.Id} x{_scoring.PrivilegedWeight:0.##}");
        }

        // Weights cannot lift a score past 100; the context's reductions then apply to what is left.
        score = Math.Min(score, 100);
        if (candidate.Suppressible)
        {
            if (_context.MaintenanceAt(time, candidate.Host, null, candidate.User) is { } maintenance)
            {
                score *= _scoring.MaintenanceFactor;
                Lowered++;
                factors.Add($"inside maintenance window '{maintenance.Window.Name}' ({maintenance.Window.Cron}, started {maintenance.Start:yyyy-MM-dd HH:mm}) x{_scoring.MaintenanceFactor:0.##}");
            }

            if (_context.ApprovedFor(candidate.User, candidate.SourceHost, candidate.Addresses.FirstOrDefault(), candidate.Host, time) is { } approved)
            {
                score *= _scoring.ApprovedAccessFactor;
                Lowered++;
                factors.Add($"matches approved privileged access '{approved.Name}' x{_scoring.ApprovedAccessFactor:0.##}");
            }
        }

        score = Math.Round(Math.Clamp(score, 0, 100), 1);
        var settings = model.Settings;
        if (score < settings.MinScore)
        {
            BelowThreshold++;
            return;
        }

        var severity = _scoring.Severity(score, settings.MinScore);
        var rank = Rank(severity);
        var key = settings.Name + "|" + candidate.Key;
        if (_lastReported.TryGetValue(key, out var last) && candidate.Ticks - last.Ticks < settings.Cooldown.Ticks && rank <= last.Rank)
        {
            HeldBack++;
            return;
        }

        if (_lastReported.Count > 200_000)
        {
            foreach (var stale in _lastReported.Where(e => candidate.Ticks - e.Value.Ticks > TimeSpan.TicksPerDay * 7).Select(e => e.Key).ToList())
            {
                _lastReported.Remove(stale);
            }
        }

        _lastReported[key] = (candidate.Ticks, rank);
        _findings.Add(new ModelFinding
        {
            Model = settings.Name,
            Kind = settings.Kind,
            Version = settings.Version,
            Time = time,
            Score = score,
            RawScore = Math.Round(candidate.Score, 1),
            Confidence = Math.Round(candidate.Confidence, 2),
            Severity = severity,
            Explanation = candidate.Explanation,
            Numbers = candidate.Numbers,
            Factors = factors,
            Users = candidate.User is null ? [] : [UserEntity(candidate, identity)],
            Hosts = candidate.Host is null ? [] : [HostEntity(candidate.Host, asset)],
            Addresses = candidate.Addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Techniques = settings.Attack,
            Evidence = candidate.Evidence.Take(ModelFinding.MaxEvidence)
                .Select(e => new FindingEvidence(e.SourceName ?? string.Empty, e.Location, new DateTimeOffset(e.Ticks, TimeSpan.Zero)))
                .ToList(),
        });
    }

    private static FindingEntity UserEntity(FindingCandidate candidate, Vigil.Ingest.Enrichment.Identities.Identity? identity)
    {
        var context = new List<KeyValuePair<string, string>>();
        if (identity is not null)
        {
            Add(context, "display_name", identity.DisplayName);
            Add(context, "business_unit", identity.BusinessUnit);
            Add(context, "peer_group", identity.PeerGroup);
            context.Add(new("privileged", identity.Privileged ? "true" : "false"));
        }

        return new FindingEntity(identity?.Id, candidate.UserRaw ?? candidate.User!, context);
    }

    private static FindingEntity HostEntity(string host, Asset? asset)
    {
        var context = new List<KeyValuePair<string, string>>();
        if (asset is not null)
        {
            context.Add(new("criticality", Name(asset.Criticality)));
            Add(context, "owner", asset.Owner);
            Add(context, "business_unit", asset.BusinessUnit);
            Add(context, "type", asset.Type);
            if (asset.Tags.Count > 0)
            {
                context.Add(new("tags", string.Join(',', asset.Tags)));
            }
        }

        return new FindingEntity(asset?.Name, host, context);
    }

    private static void Add(List<KeyValuePair<string, string>> context, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            context.Add(new(key, value));
        }
    }

    private static string Name(AssetCriticality criticality) => criticality switch
    {
        AssetCriticality.Low => "low",
        AssetCriticality.Medium => "medium",
        AssetCriticality.High => "high",
        AssetCriticality.Critical => "critical",
        _ => "unknown",
    };

    private static int Rank(string severity) => severity switch
    {
        "critical" => 3,
        "high" => 2,
        "medium" => 1,
        _ => 0,
    };
}
