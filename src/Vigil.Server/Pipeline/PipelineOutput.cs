namespace Vigil.Server.Pipeline;

/// <summary>What one pipeline call produced.</summary>
/// <param name="Alerts">The alerts, each with its explanation.</param>
/// <param name="Events">How many events were read.</param>
/// <param name="Errors">Malformed records and unreadable batches, each naming the batch and line.</param>
public sealed record PipelineOutput(IReadOnlyList<PipelineAlert> Alerts, long Events, IReadOnlyList<string> Errors)
{
    /// <summary>Gets an output with nothing in it.</summary>
    public static PipelineOutput Empty { get; } = new([], 0, []);
}
