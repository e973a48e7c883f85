namespace Vigil.Server.Pipeline;

/// <summary>
/// The detection stages the server runs over durably journaled batches: read, normalize, enrich, rules, correlations,
/// indicators and behavioural models. The host supplies it (the <c>vigil</c> executable builds it from a workspace); the
/// server only calls it from one worker thread, in journal order, so an implementation keeps its state without locking.
/// </summary>
public interface IDetectionPipeline : IDisposable
{
    /// <summary>Gets a one-line description of what runs (rule, model and context counts), for the start-up log.</summary>
    string Description { get; }

    /// <summary>Runs the batches through the stages, in order.</summary>
    /// <param name="batches">The batches, oldest first.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The alerts they raised, events read and malformed records.</returns>
    PipelineOutput Process(IReadOnlyList<JournalBatch> batches, CancellationToken cancellationToken);

    /// <summary>Runs what is time-driven rather than event-driven (behavioural models over what was observed since the last tick).</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The alerts raised.</returns>
    PipelineOutput Tick(CancellationToken cancellationToken);
}
