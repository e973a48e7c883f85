using System.Text;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// A reusable character buffer for the text formats (syslog, CEF, LEEF, auditd): decodes a UTF-8 line (invalid bytes
/// become U+FFFD, never an exception) and builds unescaped values, so that parsing allocates nothing per field. Each
/// instance hands out one span at a time: the span returned by a call is valid until the next call on the same instance.
/// Not thread-safe: one per parser.
/// </summary>
internal sealed class TextScratch
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private char[] _chars = new char[1024];

    /// <summary>Decodes UTF-8 text, replacing invalid sequences with U+FFFD.</summary>
    /// <param name="bytes">The UTF-8 bytes.</param>
    /// <returns>The text, valid until the next call on this instance.</returns>
    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        Ensure(Utf8.GetMaxCharCount(bytes.Length));
        var count = Utf8.GetChars(bytes, _chars);
        return _chars.AsSpan(0, count);
    }

    /// <summary>Gets a writable span of at least <paramref name="length"/> characters.</summary>
    /// <param name="length">The length needed.</param>
    /// <returns>The buffer, valid until the next call on this instance.</returns>
    public Span<char> Get(int length)
    {
        Ensure(length);
        return _chars.AsSpan(0, length);
    }

    /// <summary>Returns the byte offset in the UTF-8 source of the character at <paramref name="charIndex"/>, for error messages.</summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="charIndex">The character index.</param>
    /// <returns>The byte offset (exact for valid UTF-8).</returns>
    public static int ByteOffset(ReadOnlySpan<char> text, int charIndex)
        => Utf8.GetByteCount(text[..Math.Clamp(charIndex, 0, text.Length)]);

    /// <summary>
    /// Removes backslash escapes: a backslash followed by a character of <paramref name="escapable"/> gives that character,
    /// <c>\n</c> and <c>\r</c> give a line feed and a carriage return when <paramref name="controls"/> is set; any other
    /// backslash is kept as written.
    /// </summary>
    /// <param name="value">The escaped text.</param>
    /// <param name="escapable">The characters a backslash escapes.</param>
    /// <param name="controls">Whether <c>\n</c> and <c>\r</c> are escapes.</param>
    /// <returns>The unescaped text: <paramref name="value"/> itself when it holds no backslash, else this buffer.</returns>
    public ReadOnlySpan<char> Unescape(ReadOnlySpan<char> value, ReadOnlySpan<char> escapable, bool controls)
    {
        var first = value.IndexOf('\\');
        if (first < 0)
        {
            return value;
        }

        Ensure(value.Length);
        var output = _chars.AsSpan();
        value[..first].CopyTo(output);
        var n = first;
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                if (escapable.Contains(next))
                {
                    output[n++] = next;
                    i++;
                    continue;
                }

                if (controls && next is 'n' or 'r')
                {
                    output[n++] = next == 'n' ? '\n' : '\r';
                    i++;
                    continue;
                }
            }

            output[n++] = c;
        }

        return output[..n];
    }

    private void Ensure(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }
    }
}
