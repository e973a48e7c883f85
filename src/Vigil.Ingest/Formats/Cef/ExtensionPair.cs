namespace Vigil.Ingest.Formats.Cef;

/// <summary>Where one <c>key=value</c> pair lies in an extension text (value still escaped).</summary>
/// <param name="KeyStart">The key's start.</param>
/// <param name="KeyLength">The key's length.</param>
/// <param name="ValueStart">The value's start.</param>
/// <param name="ValueLength">The value's length (trailing white space excluded).</param>
internal readonly record struct ExtensionPair(int KeyStart, int KeyLength, int ValueStart, int ValueLength)
{
    /// <summary>Gets the key in <paramref name="text"/>.</summary>
    /// <param name="text">The extension text the pair was found in.</param>
    /// <returns>The key.</returns>
    public ReadOnlySpan<char> Key(ReadOnlySpan<char> text) => text.Slice(KeyStart, KeyLength);

    /// <summary>Gets the (escaped) value in <paramref name="text"/>.</summary>
    /// <param name="text">The extension text the pair was found in.</param>
    /// <returns>The value.</returns>
    public ReadOnlySpan<char> Value(ReadOnlySpan<char> text) => text.Slice(ValueStart, ValueLength);
}
