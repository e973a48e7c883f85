using System.Globalization;
using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Core.Alerts;
using Vigil.Core.Events;
using Vigil.Detection.Attack;
using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Hunting;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Ingest.Sources;
using Vigil.Server.Pipeline;

namespace Vigil.Cli.Serving;

/// <summary>
/// The detection stages of <c>vigil hunt</c> run by the server over journaled batches: reading (every format, detected per
/// batch when asked), normalization, enrichment from the workspace context, Sigma rules, correlations (windows advance with
/// event time across batches), threat indicators and behavioural models (scored on each tick). Each alert carries its OCSF
/// Detection Finding, its TheHive form, its entities with context and the detector's confidence. Called from one thread.
/// </summary>
internal sealed class ServePipeline : IDetectionPipeline
{
    private readonly DetectionSetupResult _setup;
    private readonly ContextSetup _context;
    private readonly BehaviourAnalysis? _analysis;
    private readonly CorrelationEngine? _correlations;
    private readonly MatchScratch _scratch;
    private readonly ContextInspector _inspector;
    private readonly HitEntities _entities;
    private readonly StringWriter _ocsfText = new();
    private readonly StringWriter _theHiveText = new();
    private readonly OcsfFindingWriter _ocsf;
    private readonly TheHiveAlertWriter _theHive;
    private readonly Dictionary<string, AttackMapping> _modelAttack = new(StringComparer.Ordinal);
    private readonly EventRecord _record = new();
    private readonly ModelStateStore? _state;
    private long _watermark;
    private long _lastSequence;
    private long _sequenceAtTick;
    private int _ticks;

    /// <summary>
    /// How late an event may arrive and still count in correlations: an hour, not the five minutes of a file hunt, because
    /// live sources batch, buffer and lag (a folder drop every half hour, a shipper catching up after an outage).
    /// </summary>
    public static readonly TimeSpan AllowedLateness = TimeSpan.FromHours(1);

    public ServePipeline(DetectionSetupResult setup, ContextSetup context, BehaviourAnalysis? analysis, string description, ModelStateStore? state = null)
    {
        _state = analysis is null ? null : state;
        _setup = setup;
        _context = context;
        _analysis = analysis;
        Description = description;
        _correlations = setup.Engine.CreateCorrelationEngine(new CorrelationEngineOptions { AllowedLateness = AllowedLateness });
        _scratch = setup.Engine.CreateScratch();
        _inspector = new ContextInspector(context.Normalizer, context.Enricher, new IndicatorRules(setup.Attack), analysis?.Collector);
        _entities = new HitEntities(context.Normalizer, new Vigil.Ingest.Enrichment.ContextEnricher(context.Organization));
        _ocsf = new OcsfFindingWriter(_ocsfText);
        _theHive = new TheHiveAlertWriter(_theHiveText);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Gets the observations collected and not yet scored by the models (for tests and status).</summary>
    internal long PendingObservations => _analysis?.Collector.Count ?? 0;

    /// <inheritdoc />
    public PipelineOutput Process(IReadOnlyList<JournalBatch> batches, CancellationToken cancellationToken)
    {
        var alerts = new List<PipelineAlert>();
        var errors = new ErrorList();
        var handler = new Handler(this, alerts);
        foreach (var batch in batches)
        {
            // Batches the saved model state already learned from (read again after a restart) do not feed the models twice.
            _inspector.CollectObservations = _state is null || batch.Sequence > _state.Sequence;
            _lastSequence = Math.Max(_lastSequence, batch.Sequence);
            var format = EventFileFormats.TryParse(batch.Format, out var known) ? known : EventFileFormat.Auto;
            var source = EventSources.FromBytes(batch.SourceName, batch.Payload, format);
            foreach (var eventBatch in source.ReadBatches(errors, cancellationToken))
            {
                try
                {
                    eventBatch.Parse(_record, _setup.Engine.Schema, handler, errors);
                }
                catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
                {
                    errors.OnError(new ReadError(batch.SourceName, 0, $"unreadable batch: {ex.Message}"));
                }
            }
        }

        if (_correlations is not null && _watermark > 0)
        {
            foreach (var match in _correlations.Advance(_watermark))
            {
                alerts.Add(FromHit(CorrelationHits.ToHit(match, _setup.Engine), null));
            }
        }

        return new PipelineOutput(alerts, handler.Events, errors.Messages);
    }

    /// <inheritdoc />
    public PipelineOutput Tick(CancellationToken cancellationToken)
    {
        if (_analysis is null)
        {
            return PipelineOutput.Empty;
        }

        var alerts = new List<PipelineAlert>();
        foreach (var finding in _analysis.ObserveCollected(cancellationToken))
        {
            alerts.Add(FromFinding(finding));
        }

        // Everything read up to here is now in the models: a state saved now covers the journal up to _sequenceAtTick.
        _sequenceAtTick = _lastSequence;
        if (_state is not null && ++_ticks % ModelStateStore.TicksBetweenSaves == 0)
        {
            _state.Save(_analysis, _sequenceAtTick);
        }

        return new PipelineOutput(alerts, 0, []);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_analysis is not null && _state is not null && _sequenceAtTick > 0)
        {
            _state.Save(_analysis, _sequenceAtTick);
        }

        _ocsfText.Dispose();
        _theHiveText.Dispose();
    }

    private void OnEvent(EventRecord record, List<DetectionHit> hits, List<PipelineAlert> alerts)
    {
        hits.Clear();
        _setup.Engine.Match(record, _scratch, hits);
        _inspector.Inspect(record, hits);
        if (record.TimestampTicks > _watermark && record.TimestampTicks <= DateTime.MaxValue.Ticks)
        {
            _watermark = record.TimestampTicks;
        }

        foreach (var hit in hits)
        {
            if (hit.Compiled is { FeedsCorrelation: true } && _correlations is not null)
            {
                _correlations.Add(hit.Rule.Id ?? hit.Rule.Name ?? hit.Rule.Title, hit.Rule.Name, hit.Event);
            }

            if (DetectionEngine.IsEmitted(hit))
            {
                alerts.Add(FromHit(hit, _inspector.View));
            }
        }
    }

    private PipelineAlert FromHit(DetectionHit hit, Vigil.Ingest.Normalization.NormalizedEvent? current)
    {
        var entities = _entities.Describe(hit, current);
        var level = hit.Rule.Level is "informational" or "low" or "medium" or "high" or "critical" ? hit.Rule.Level : "medium";
        var time = HitText.Time(hit) ?? DateTimeOffset.FromUnixTimeMilliseconds(0);
        var stored = new StoredAlert(
            FindingIds.Of(hit), "rule:" + (hit.Rule.Id ?? hit.Rule.Title), hit.Rule.Title, level, time, [.. hit.Attack.Techniques.Select(t => t.Id)],
            [.. entities.Select(e => e.Name)], string.Empty);
        var (confidence, source) = RuleConfidence(level, hit.Rule.Status);
        return new PipelineAlert(stored, [.. hit.Attack.Tactics.Select(t => t.Id)], entities, confidence, source)
        {
            // Written only if the store keeps the alert (most raised alerts repeat one just stored and are only counted).
            Render = () => (Write(_ocsfText, () => _ocsf.OnHit(hit)), Write(_theHiveText, () => _theHive.OnHit(hit))),
        };
    }

    private PipelineAlert FromFinding(ModelFinding finding)
    {
        if (!_modelAttack.TryGetValue(finding.Model, out var attack))
        {
            _modelAttack[finding.Model] = attack = _setup.Attack.Map(finding.Techniques.Select(t => "attack." + t.ToLowerInvariant()));
        }

        var entities = finding.Users.Select(u => new AlertEntity("user", u.Canonical ?? u.AsLogged, null, null, Context(u, "business_unit"), Context(u, "privileged") == "true"))
            .Concat(finding.Hosts.Select(h => new AlertEntity("host", h.Canonical ?? h.AsLogged, Context(h, "criticality"), Context(h, "owner"), Context(h, "business_unit"), false,
                Context(h, "tags")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))))
            .Concat(finding.Addresses.Select(a => new AlertEntity("ip", a, null, null, null, false)))
            .DistinctBy(e => e.Kind + ":" + e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var stored = new StoredAlert(
            FindingIds.Of(finding), "model:" + finding.Model, $"{finding.Model}: {finding.Explanation}", finding.Severity, finding.Time, finding.Techniques,
            [.. entities.Select(e => e.Name)], Write(_ocsfText, () => _ocsf.OnFinding(finding, attack)));
        return new PipelineAlert(
            stored, [.. attack.Tactics.Select(t => t.Id)], entities, Math.Clamp(finding.Confidence, 0, 1),
            string.Create(CultureInfo.InvariantCulture, $"model {finding.Model} v{finding.Version} (score {finding.Score:0})"),
            Write(_theHiveText, () => _theHive.OnFinding(finding, attack)));
    }

    private static string? Context(FindingEntity entity, string key)
        => entity.Context.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal)).Value;

    /// <summary>
    /// The confidence of a rule hit before any triage model: by level (critical 0.9, high 0.75, medium 0.5, low 0.3,
    /// informational 0.15), times 0.8 for experimental rules and 0.9 for test rules.
    /// </summary>
    internal static (double Confidence, string Source) RuleConfidence(string level, string? status)
    {
        var confidence = level switch
        {
            "critical" => 0.9,
            "high" => 0.75,
            "medium" => 0.5,
            "low" => 0.3,
            _ => 0.15,
        };
        var factor = status switch
        {
            "experimental" => 0.8,
            "test" => 0.9,
            _ => 1.0,
        };
        return (Math.Round(confidence * factor, 3), $"rule level {level}" + (status is null ? string.Empty : $", status {status}"));
    }

    private static string Write(StringWriter text, Action write)
    {
        text.GetStringBuilder().Clear();
        write();
        return text.ToString().TrimEnd('\n');
    }

    private sealed class Handler(ServePipeline pipeline, List<PipelineAlert> alerts) : IEventHandler
    {
        private readonly List<DetectionHit> _hits = [];

        public long Events { get; private set; }

        public void OnEvent(EventRecord record)
        {
            Events++;
            pipeline.OnEvent(record, _hits, alerts);
        }
    }

    private sealed class ErrorList : IReadErrorSink
    {
        private const int MaxKept = 100;

        public List<string> Messages { get; } = [];

        public void OnError(ReadError error)
        {
            if (Messages.Count < MaxKept)
            {
                Messages.Add(string.Create(CultureInfo.InvariantCulture, $"{error.Source}:{error.Location}: {error.Message}"));
            }
        }
    }
}
