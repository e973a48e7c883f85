using System.Buffers;
using System.Text.Unicode;

namespace Vigil.Ingest.Formats.Zeek;

/// <summary>
/// Decodes the <c>\xHH</c> escapes Zeek's ASCII writer uses for separators and unprintable bytes, in header values
/// (<c>#separator \x09</c>) and in field values.
/// </summary>
internal static class ZeekEscapes
{
    /// <summary>Decodes the escapes of <paramref name="text"/> into a new array (for header values).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The decoded bytes.</returns>
    public static byte[] DecodeToArray(ReadOnlySpan<byte> text)
    {
        var buffer = new byte[text.Length];
        var length = Decode(text, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Decodes the escapes of <paramref name="text"/> into <paramref name="output"/> (at least as long as the text).</summary>
    /// <param name="text">The text.</param>
    /// <param name="output">Receives the bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Decode(ReadOnlySpan<byte> text, Span<byte> output)
    {
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var slash = text[i..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                text[i..].CopyTo(output[written..]);
                return written + text.Length - i;
            }

            text.Slice(i, slash).CopyTo(output[written..]);
            written += slash;
            i += slash;
            if (i + 3 < text.Length && text[i + 1] == 'x' && TryHex(text[i + 2], out var high) && TryHex(text[i + 3], out var low))
            {
                output[written++] = (byte)((high << 4) | low);
                i += 4;
            }
            else
            {
                output[written++] = text[i++];
            }
        }

        return written;
    }

    /// <summary>
    /// Decodes a field value into chars: escapes are decoded when the result is valid UTF-8, otherwise the value is kept
    /// as written (escapes and all, invalid bytes replaced) so that no byte is silently lost.
    /// </summary>
    /// <param name="value">The value as written.</param>
    /// <param name="bytes">A pooled scratch byte buffer, grown when needed.</param>
    /// <param name="chars">A pooled char buffer, grown when needed.</param>
    /// <returns>The number of chars written.</returns>
    public static int ToChars(ReadOnlySpan<byte> value, ref byte[] bytes, ref char[] chars)
    {
        if (chars.Length < value.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(value.Length);
        }

        if (value.IndexOf((byte)'\\') >= 0)
        {
            if (bytes.Length < value.Length)
            {
                ArrayPool<byte>.Shared.Return(bytes);
                bytes = ArrayPool<byte>.Shared.Rent(value.Length);
            }

            var length = Decode(value, bytes);
            if (Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out _, out var decoded, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return decoded;
            }
        }

        Utf8.ToUtf16(value, chars, out _, out var written, replaceInvalidSequences: true);
        return written;
    }

    private static bool TryHex(byte b, out int value)
    {
        value = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
