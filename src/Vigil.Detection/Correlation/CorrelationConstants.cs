namespace Vigil.Detection.Correlation;

/// <summary>Names and defaults of the correlation feature.</summary>
internal static class CorrelationConstants
{
    /// <summary>The default of <see cref="CorrelationEngineOptions.AllowedLateness"/>: five minutes.</summary>
    public static readonly TimeSpan DefaultAllowedLateness = TimeSpan.FromMinutes(5);

    /// <summary>The default of <see cref="CorrelationEngineOptions.MaxEventsPerMatch"/>.</summary>
    public const int DefaultMaxEventsPerMatch = 100;

    /// <summary>The source name given to the synthetic events that feed a correlation match into a chained correlation.</summary>
    public const string ChainedSourcePrefix = "correlation:";

    /// <summary>The keys allowed in the <c>correlation</c> mapping.</summary>
    public static readonly IReadOnlyList<string> SectionKeys = ["type", "rules", "group-by", "timespan", "condition", "aliases", "generate"];

    /// <summary>Gets the Sigma name of a correlation type.</summary>
    public static string TypeName(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        _ => "value_percentile",
    };

    /// <summary>Gets the Sigma name of a condition operator.</summary>
    public static string OperatorName(CorrelationOperator op) => op switch
    {
        CorrelationOperator.GreaterThan => "gt",
        CorrelationOperator.GreaterThanOrEqual => "gte",
        CorrelationOperator.LessThan => "lt",
        CorrelationOperator.LessThanOrEqual => "lte",
        CorrelationOperator.Equal => "eq",
        _ => "neq",
    };

    /// <summary>Maps a Sigma type name to the type.</summary>
    public static bool TryParseType(string name, out CorrelationType type)
    {
        foreach (var candidate in Enum.GetValues<CorrelationType>())
        {
            if (string.Equals(TypeName(candidate), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Maps a Sigma operator name to the operator.</summary>
    public static bool TryParseOperator(string name, out CorrelationOperator op)
    {
        foreach (var candidate in Enum.GetValues<CorrelationOperator>())
        {
            if (string.Equals(OperatorName(candidate), name, StringComparison.Ordinal))
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>Tells whether the type aggregates <c>condition.field</c>.</summary>
    public static bool NeedsField(CorrelationType type)
        => type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;

    /// <summary>Tells whether the type is temporal (its condition is optional).</summary>
    public static bool IsTemporal(CorrelationType type) => type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
}
