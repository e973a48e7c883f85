using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.CloudTrail;

/// <summary>Reads CloudTrail Records files (not written yet).</summary>
internal sealed class CloudTrailBatchReader(string source, InputFile input) : IBatchReader
{
    /// <inheritdoc />
    public long CurrentLine => 0;

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        _ = input;
        errors.OnError(new ReadError(source, 0, "this format is not supported yet"));
        return null;
    }
}
