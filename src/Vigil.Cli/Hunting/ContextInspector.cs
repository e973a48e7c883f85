using Vigil.Core.Events;
using Vigil.Detection.Hunting;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Runs beside the rules in each hunt worker: normalizes the event, resolves its users and hosts against the organisation
/// context (counted per source), and turns each threat indicator it matches into a hit.
/// </summary>
internal sealed class ContextInspector(Normalizer normalizer, ContextEnricher enricher, IndicatorRules rules) : IEventInspector
{
    private readonly NormalizedEvent _view = new();
    private readonly List<IndicatorHit> _matches = [];

    /// <inheritdoc />
    public void Inspect(EventRecord record, ICollection<DetectionHit> hits)
    {
        normalizer.Normalize(record, _view);
        _matches.Clear();
        enricher.Enrich(_view, record.SourceName, _matches);
        if (_matches.Count == 0)
        {
            return;
        }

        var snapshot = record.Snapshot();
        foreach (var match in _matches)
        {
            var (rule, attack) = rules.Of(match.Indicator);
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
