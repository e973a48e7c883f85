using Vigil.Analytics.Behaviour.Observations;
using Vigil.Core.Events;
using Vigil.Detection.Hunting;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Runs beside the rules in each hunt worker: normalizes the event, resolves its users and hosts against the organisation
/// context (counted per source), turns each threat indicator it matches into a hit, and, when models run, keeps the
/// event's facts for them.
/// </summary>
internal sealed class ContextInspector : IEventInspector
{
    private readonly NormalizedEvent _view = new();
    private readonly List<IndicatorHit> _matches = [];
    private readonly Normalizer _normalizer;
    private readonly ContextEnricher _enricher;
    private readonly IndicatorRules _rules;
    private readonly ObservationCollector? _collector;
    private readonly ObservationBuffer? _observations;

    /// <summary>Gets or sets whether events feed the behavioural models (off while the server replays what the saved model state already holds).</summary>
    public bool CollectObservations { get; set; } = true;

    /// <summary>Gets the normalized, enriched view of the event last inspected (valid until the next call).</summary>
    public NormalizedEvent View => _view;

    public ContextInspector(Normalizer normalizer, ContextEnricher enricher, IndicatorRules rules, ObservationCollector? collector = null)
    {
        _normalizer = normalizer;
        _enricher = enricher;
        _rules = rules;
        _collector = collector;
        _observations = collector?.CreateWorkerBuffer();
    }

    /// <inheritdoc />
    public void Inspect(EventRecord record, ICollection<DetectionHit> hits)
    {
        _normalizer.Normalize(record, _view);
        _matches.Clear();
        _enricher.Enrich(_view, record.SourceName, _matches);
        if (_observations is not null && CollectObservations && ObservationExtractor.TryExtract(_view, record.TimestampTicks, _collector!.Pool, out var observation))
        {
            observation.SourceName = _collector.Pool.Intern(record.SourceName);
            observation.Location = record.Location;
            _observations.Add(observation);
        }

        if (_matches.Count == 0)
        {
            return;
        }

        var snapshot = record.Snapshot();
        foreach (var match in _matches)
        {
            var (rule, attack) = _rules.Of(match.Indicator);
            hits.Add(new DetectionHit
            {
                Rule = rule,
                Attack = attack,
                Matched = [new(match.Attribute, match.Value)],
                Event = snapshot,
            });
        }
    }
}
