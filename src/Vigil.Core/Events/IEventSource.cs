namespace Vigil.Core.Events;

/// <summary>One input (a file, a stream) split into batches that can be parsed in parallel.</summary>
public interface IEventSource
{
    /// <summary>Gets the input name used in locations and errors.</summary>
    string Name { get; }

    /// <summary>Reads the input into batches, in order. Called on one thread.</summary>
    /// <param name="errors">Receives errors found while splitting (for example an unreadable file).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The batches.</returns>
    IEnumerable<EventBatch> ReadBatches(IReadErrorSink errors, CancellationToken cancellationToken);
}
