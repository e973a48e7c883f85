namespace Vigil.Detection.Sigma.Parsing;

/// <summary>How a predicate compares a field with its values.</summary>
internal enum PredicateKind
{
    /// <summary>String pattern with wildcards (equals, contains, startswith, endswith).</summary>
    Pattern,

    /// <summary>Regular expression.</summary>
    Regex,

    /// <summary>IP address inside a CIDR network.</summary>
    Cidr,

    /// <summary>Numeric comparison (gt, gte, lt, lte).</summary>
    Compare,

    /// <summary>Field presence.</summary>
    Exists,

    /// <summary>Value of another field.</summary>
    FieldRef,

    /// <summary>A component of a date value (minute, hour, day, week, month, year), compared as a number.</summary>
    Time,
}
