namespace Vigil.Ingest.Enrichment.Input;

/// <summary>Collects load errors, at most <see cref="ContextLimits.MaxErrorsPerFile"/> per file.</summary>
internal sealed class ContextErrors
{
    private readonly List<ContextError> _errors = [];
    private readonly Dictionary<string, int> _perFile = new(StringComparer.Ordinal);

    public IReadOnlyList<ContextError> All => _errors;

    /// <summary>The errors ordered by file (in <paramref name="fileOrder"/>, others first) then line; stable otherwise.</summary>
    public List<ContextError> Sorted(IReadOnlyList<string> fileOrder)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fileOrder.Count; i++)
        {
            index[fileOrder[i]] = i;
        }

        return [.. _errors.OrderBy(e => index.GetValueOrDefault(e.File, -1)).ThenBy(e => e.Line)];
    }

    public void Add(ContextError error)
    {
        _perFile.TryGetValue(error.File, out var count);
        _perFile[error.File] = ++count;
        if (count < ContextLimits.MaxErrorsPerFile)
        {
            _errors.Add(error);
        }
        else if (count == ContextLimits.MaxErrorsPerFile)
        {
            _errors.Add(new ContextError(error.File, 0, 0, $"more than {ContextLimits.MaxErrorsPerFile} errors; the rest are not listed"));
        }
    }
}
