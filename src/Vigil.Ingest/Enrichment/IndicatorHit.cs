using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Ingest.Enrichment;

/// <summary>An indicator an event matched: which one, on which normalized attribute, with which value.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Attribute">The normalized attribute path that carried the value (for example <c>dst_endpoint.ip</c>).</param>
/// <param name="Value">The event's value.</param>
public readonly record struct IndicatorHit(Indicator Indicator, string Attribute, string Value);
