namespace Vigil.Detection.Correlation;

/// <summary>The kind of a Sigma correlation rule (<c>correlation.type</c>).</summary>
public enum CorrelationType
{
    /// <summary><c>event_count</c>: the number of events in the window.</summary>
    EventCount = 0,

    /// <summary><c>value_count</c>: the number of distinct values of <c>condition.field</c> in the window.</summary>
    ValueCount = 1,

    /// <summary><c>temporal</c>: the number of distinct referenced rules seen in the window.</summary>
    Temporal = 2,

    /// <summary><c>temporal_ordered</c>: how many of the referenced rules were seen in the listed order in the window.</summary>
    TemporalOrdered = 3,

    /// <summary><c>value_sum</c>: the sum of the numeric values of <c>condition.field</c> in the window.</summary>
    ValueSum = 4,

    /// <summary><c>value_avg</c>: the average of the numeric values of <c>condition.field</c> in the window.</summary>
    ValueAvg = 5,

    /// <summary><c>value_percentile</c>: the share (in percent) of the window's events that carry one value of <c>condition.field</c>.</summary>
    ValuePercentile = 6,
}
