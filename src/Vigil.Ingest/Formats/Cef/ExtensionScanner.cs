namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// Splits a CEF extension or LEEF attribute text into <c>key=value</c> pairs. A key is a run of letters, digits and
/// <c>_ . - [ ]</c> that follows the separator (or the start) and is followed by an unescaped <c>=</c>; a value runs to the
/// separator before the next key, so values may hold the separator (spaces in CEF) and even an unescaped <c>=</c> that does
/// not follow a key. Text before the first key is ignored. Not thread-safe: one per parser.
/// </summary>
internal sealed class ExtensionScanner
{
    private ExtensionPair[] _pairs = new ExtensionPair[32];

    /// <summary>Gets the number of pairs found by the last <see cref="Scan"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the pairs found by the last <see cref="Scan"/>.</summary>
    public ReadOnlySpan<ExtensionPair> Pairs => _pairs.AsSpan(0, Count);

    /// <summary>Finds the pairs of <paramref name="text"/>.</summary>
    /// <param name="text">The extension text.</param>
    /// <param name="separator">The pair separator (a space for CEF, a tab or the declared delimiter for LEEF).</param>
    public void Scan(ReadOnlySpan<char> text, char separator)
    {
        Count = 0;
        var pendingKey = -1;
        var pendingKeyLength = 0;
        var pendingValue = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=' || IsEscaped(text, i))
            {
                continue;
            }

            var k = i;
            while (k > 0 && IsKeyChar(text[k - 1]))
            {
                k--;
            }

            if (k == i || (k > 0 && text[k - 1] != separator && !(separator == ' ' && text[k - 1] == '\t')))
            {
                continue;
            }

            if (pendingKey >= 0)
            {
                Add(text, pendingKey, pendingKeyLength, pendingValue, Math.Max(pendingValue, k - 1));
            }

            pendingKey = k;
            pendingKeyLength = i - k;
            pendingValue = i + 1;
        }

        if (pendingKey >= 0)
        {
            Add(text, pendingKey, pendingKeyLength, pendingValue, text.Length);
        }
    }

    /// <summary>Returns the index of the first pair whose key is <paramref name="key"/> (ordinal), or -1.</summary>
    /// <param name="text">The text scanned.</param>
    /// <param name="key">The key.</param>
    /// <returns>The pair index or -1.</returns>
    public int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> key)
    {
        for (var p = 0; p < Count; p++)
        {
            if (_pairs[p].Key(text).SequenceEqual(key))
            {
                return p;
            }
        }

        return -1;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '[' or ']';

    private static bool IsEscaped(ReadOnlySpan<char> text, int i)
    {
        var backslashes = 0;
        while (i - backslashes - 1 >= 0 && text[i - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return (backslashes & 1) == 1;
    }

    private void Add(ReadOnlySpan<char> text, int key, int keyLength, int valueStart, int valueEnd)
    {
        var value = text[valueStart..valueEnd].TrimEnd(" \t\r");
        if (Count == _pairs.Length)
        {
            Array.Resize(ref _pairs, _pairs.Length * 2);
        }

        _pairs[Count++] = new ExtensionPair(key, keyLength, valueStart, value.Length);
    }
}
