namespace Vigil.Ingest.Enrichment;

/// <summary>What loading a context folder gave: the context (whatever was valid) and every problem found.</summary>
/// <param name="Context">The context built from the valid rows and objects.</param>
/// <param name="Errors">Each problem, with file, line and reason; the rows concerned were skipped.</param>
/// <param name="Files">The files read, relative to the folder, in the order read.</param>
/// <param name="IgnoredFiles">The files under the folder whose names are not context files (so a misnamed file is visible).</param>
public sealed record ContextLoadResult(
    OrganizationContext Context,
    IReadOnlyList<ContextError> Errors,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> IgnoredFiles);
