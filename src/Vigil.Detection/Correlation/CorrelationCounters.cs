namespace Vigil.Detection.Correlation;

/// <summary>What a correlation engine skipped, and why.</summary>
internal sealed class CorrelationCounters
{
    public long UnknownTime;
    public long Late;
    public long MissingGroupField;
    public long MissingValueField;
    public long NonNumericValue;
}
