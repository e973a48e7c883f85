namespace Vigil.Detection.Correlation;

/// <summary>A comparison in a correlation <c>condition</c>.</summary>
public enum CorrelationOperator
{
    /// <summary><c>gt</c>: greater than.</summary>
    GreaterThan = 0,

    /// <summary><c>gte</c>: greater than or equal.</summary>
    GreaterThanOrEqual = 1,

    /// <summary><c>lt</c>: less than.</summary>
    LessThan = 2,

    /// <summary><c>lte</c>: less than or equal.</summary>
    LessThanOrEqual = 3,

    /// <summary><c>eq</c>: equal.</summary>
    Equal = 4,

    /// <summary><c>neq</c>: not equal.</summary>
    NotEqual = 5,
}
