namespace Vigil.Detection.Hunting;

/// <summary>What a finished hunt did.</summary>
/// <param name="Events">Events read and matched.</param>
/// <param name="Bytes">Input bytes read.</param>
/// <param name="Hits">Hits emitted (detections and correlations).</param>
/// <param name="ReadErrors">Records or inputs that could not be read.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record HuntStatistics(long Events, long Bytes, long Hits, long ReadErrors, TimeSpan Elapsed);
