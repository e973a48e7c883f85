using Vigil.Core.Events;

namespace Vigil.Ingest.Sources;

/// <summary>Splits the content of one opened file into batches, one call at a time (pull style, so that the caller can stop).</summary>
internal interface IBatchReader
{
    /// <summary>Gets the 1-based line at which reading currently stands (where it stopped, after a failure).</summary>
    long CurrentLine { get; }

    /// <summary>Reads the next batch.</summary>
    /// <param name="errors">Receives records or regions that cannot be split out (oversized, unrecoverable).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The batch, or null at the end of the content.</returns>
    EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken);
}
