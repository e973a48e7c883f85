namespace Vigil.Ingest.Formats.Zeek;

/// <summary>The type of one Zeek column: the type of its values, and whether it holds a set or vector of them.</summary>
/// <param name="Value">The type of each value.</param>
/// <param name="IsContainer">Whether the column is a <c>set[...]</c> or <c>vector[...]</c>, split on the set separator.</param>
internal readonly record struct ZeekColumnType(ZeekValueType Value, bool IsContainer)
{
    /// <summary>Reads a <c>#types</c> entry such as <c>count</c> or <c>set[string]</c>.</summary>
    /// <param name="type">The entry.</param>
    /// <returns>The column type.</returns>
    public static ZeekColumnType Parse(ReadOnlySpan<byte> type)
    {
        var isContainer = false;
        if (type.EndsWith("]"u8))
        {
            if (type.StartsWith("set["u8))
            {
                type = type["set[".Length..^1];
                isContainer = true;
            }
            else if (type.StartsWith("vector["u8))
            {
                type = type["vector[".Length..^1];
                isContainer = true;
            }
        }

        var value = type switch
        {
            _ when type.SequenceEqual("count"u8) || type.SequenceEqual("int"u8) || type.SequenceEqual("double"u8)
                || type.SequenceEqual("port"u8) || type.SequenceEqual("interval"u8) || type.SequenceEqual("time"u8) => ZeekValueType.Number,
            _ when type.SequenceEqual("bool"u8) => ZeekValueType.Bool,
            _ => ZeekValueType.String,
        };
        return new ZeekColumnType(value, isContainer);
    }
}
