namespace Vigil.Detection.Hunting;

/// <summary>What a finished hunt did.</summary>
/// <param name="Events">Events read and matched.</param>
/// <param name="Bytes">Input bytes read.</param>
/// <param name="Hits">Hits emitted (detections and correlations).</param>
/// <param name="ReadErrors">Records or inputs that could not be read.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record HuntStatistics(long Events, long Bytes, long Hits, long ReadErrors, TimeSpan Elapsed)
{
    /// <summary>Gets the regex matches abandoned at their timeout during the hunt (each counted as no match).</summary>
    public long RegexTimeouts { get; init; }

    /// <summary>Gets the regexes the NonBacktracking engine refused at first use (they ran with a timeout instead).</summary>
    public long RegexFallbacks { get; init; }

    /// <summary>Gets the rule hits correlations could not use: no event time, too late, or a missing group-by or value field.</summary>
    public long CorrelationSkipped { get; init; }
}
