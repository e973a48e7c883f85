namespace Vigil.Ingest.Enrichment;

/// <summary>A problem found while loading the organisation's context: where, and why. The bad row or object is skipped.</summary>
/// <param name="File">The file, relative to the context folder (or the folder itself when the whole load failed).</param>
/// <param name="Line">The 1-based line, or 0 when the whole file is concerned.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Message">Why, naming the field or object concerned.</param>
public sealed record ContextError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString()
        => Line <= 0 ? $"{File}: {Message}" : Column <= 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
