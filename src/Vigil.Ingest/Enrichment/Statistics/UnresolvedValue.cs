namespace Vigil.Ingest.Enrichment.Statistics;

/// <summary>A value that did not resolve and how often it was seen.</summary>
/// <param name="Value">The raw value.</param>
/// <param name="Count">How often it was seen; an upper bound (off by at most <paramref name="Error"/>) once a source has had more distinct values than are tracked.</param>
/// <param name="Error">How much <paramref name="Count"/> may overstate the true count (0 while exact).</param>
public sealed record UnresolvedValue(string Value, long Count, long Error);
