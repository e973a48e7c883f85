namespace Vigil.Core.Events;

/// <summary>The JSON kind a field value had in its source.</summary>
public enum FieldValueKind : byte
{
    /// <summary>A string.</summary>
    String = 0,

    /// <summary>A number; the value holds its source text.</summary>
    Number = 1,

    /// <summary>A boolean true; the value holds <c>true</c>.</summary>
    True = 2,

    /// <summary>A boolean false; the value holds <c>false</c>.</summary>
    False = 3,

    /// <summary>An explicit null; the value is empty.</summary>
    Null = 4,
}
