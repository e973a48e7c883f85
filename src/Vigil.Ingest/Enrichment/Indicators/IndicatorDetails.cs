namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>Everything about an indicator but its value, as read from a file.</summary>
internal sealed record IndicatorDetails(
    string? Id,
    int? Confidence,
    string? Source,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> KillChainPhases,
    IReadOnlyList<string> Techniques,
    string? Description,
    string Origin);
