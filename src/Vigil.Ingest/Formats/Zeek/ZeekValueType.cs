namespace Vigil.Ingest.Formats.Zeek;

/// <summary>How a Zeek column's values become field values, from its <c>#types</c> entry.</summary>
internal enum ZeekValueType : byte
{
    /// <summary>Text: <c>string</c>, <c>addr</c>, <c>subnet</c>, <c>enum</c>, and any type not listed below.</summary>
    String,

    /// <summary>A number: <c>count</c>, <c>int</c>, <c>double</c>, <c>port</c>, <c>interval</c>, <c>time</c>.</summary>
    Number,

    /// <summary>A boolean, written <c>T</c> or <c>F</c>.</summary>
    Bool,
}
