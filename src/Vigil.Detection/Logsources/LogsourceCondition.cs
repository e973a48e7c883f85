namespace Vigil.Detection.Logsources;

/// <summary>
/// One condition of a <see cref="LogsourceVariant"/>: the event field <see cref="Field"/> equals one of <see cref="Values"/>
/// (ordinal, ignoring case; numbers compare as their text), or, when <see cref="Values"/> is empty (<c>'*'</c> in the
/// map), the field merely exists. A multi-valued field satisfies the condition when any of its entries does.
/// </summary>
public sealed class LogsourceCondition
{
    internal LogsourceCondition(string field, IReadOnlyList<string> values)
    {
        Field = field;
        Values = values;
    }

    /// <summary>Gets the event field name.</summary>
    public string Field { get; }

    /// <summary>Gets the accepted values; empty when any value is accepted (the field must exist).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Gets a value indicating whether the condition only asks for the field to exist.</summary>
    public bool IsExistence => Values.Count == 0;

    /// <inheritdoc />
    public override string ToString() => IsExistence ? $"{Field}: '*'" : $"{Field}: [{string.Join(", ", Values)}]";
}
