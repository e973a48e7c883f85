namespace Vigil.Server.Ingest;

/// <summary>A line of an ingest body that was left out.</summary>
/// <param name="Line">Its 1-based line number (or event number for HEC).</param>
/// <param name="Reason">Why.</param>
public sealed record RejectedLine(int Line, string Reason);
