using Vigil.Ingest.Formats.Syslog;

namespace Vigil.Ingest.Formats.Auditd;

/// <summary>
/// Reads the <c>key=value</c> fields of one audit record. Values are unquoted (<c>"..."</c>), <c>msg='...'</c> is read
/// as the fields inside it, words without <c>=</c> (as in AVC text) are skipped, and the enriched-format separator
/// (0x1D) counts as a space. Hex-encoded values are decoded as <c>ausearch -i</c> does: an unquoted value of an encoded
/// field (<c>proctitle</c>, <c>name</c>, <c>cmd</c>, <c>data</c>, <c>comm</c>, <c>exe</c>, <c>cwd</c>, <c>path</c>,
/// <c>dir</c>, <c>file</c>, <c>key</c>, <c>acct</c>, <c>ocomm</c>, <c>watch</c>, or an <c>aN</c> argument of EXECVE)
/// that is an even number of hex digits and decodes to valid UTF-8 without control characters other than tab, CR and LF
/// (NUL separators of <c>proctitle</c> become spaces). Anything else is kept as written. Not thread-safe.
/// </summary>
internal sealed class AuditdValues
{
    private const char GroupSeparator = '\u001d';

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");

    private readonly TextScratch _decoded = new();
    private byte[] _bytes = new byte[256];

    /// <summary>Adds the fields of a record body to <paramref name="target"/>.</summary>
    /// <param name="body">The text after the audit stamp.</param>
    /// <param name="type">The record type.</param>
    /// <param name="target">The event being built.</param>
    /// <returns>How many <c>aN</c> arguments the record had.</returns>
    public int AddFields(ReadOnlySpan<char> body, ReadOnlySpan<char> type, AuditdPendingEvent target)
    {
        var args = 0;
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && IsSpace(body[i]))
            {
                i++;
            }

            var keyStart = i;
            while (i < body.Length && body[i] != '=' && !IsSpace(body[i]))
            {
                i++;
            }

            if (i >= body.Length || body[i] != '=' || i == keyStart)
            {
                // A word without '=' (skipped when the loop skips spaces) or a stray '=': move past it.
                i += i < body.Length && body[i] == '=' ? 1 : 0;
                continue;
            }

            var key = body[keyStart..i];
            i++;
            ReadOnlySpan<char> value;
            var quote = i < body.Length ? body[i] : ' ';
            if (quote is '"' or '\'')
            {
                var close = body[(i + 1)..].IndexOf(quote);
                var end = close < 0 ? body.Length : i + 1 + close;
                value = body[(i + 1)..end];
                i = Math.Min(end + 1, body.Length);
                if (quote == '\'' && key is "msg" && value.Contains('='))
                {
                    args += AddFields(value, type, target);
                    continue;
                }
            }
            else
            {
                var end = i;
                while (end < body.Length && !IsSpace(body[end]))
                {
                    end++;
                }

                value = body[i..end];
                i = end;
                if (IsEncoded(key, type) && TryDecodeHex(value, nulToSpace: key is "proctitle", out var decoded))
                {
                    value = decoded;
                }
            }

            if (type is "EXECVE" && IsArgument(key))
            {
                args++;
            }

            target.Add(key, value);
        }

        return args;
    }

    /// <summary>Decodes an all-hex value when it is printable text.</summary>
    /// <param name="hex">The value.</param>
    /// <param name="nulToSpace">Whether NUL bytes are separators to turn into spaces.</param>
    /// <param name="decoded">The text, valid until the next call.</param>
    /// <returns>Whether the value was decoded.</returns>
    public bool TryDecodeHex(ReadOnlySpan<char> hex, bool nulToSpace, out ReadOnlySpan<char> decoded)
    {
        decoded = default;
        if (hex.Length < 2 || (hex.Length & 1) != 0 || hex.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        var length = hex.Length / 2;
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }

        var bytes = _bytes.AsSpan(0, length);
        for (var b = 0; b < length; b++)
        {
            var value = (byte)((HexValue(hex[2 * b]) << 4) | HexValue(hex[(2 * b) + 1]));
            if (value == 0 && nulToSpace)
            {
                value = (byte)' ';
            }

            if ((value < 0x20 && value is not ((byte)'\t' or (byte)'\n' or (byte)'\r')) || value == 0x7f)
            {
                return false;
            }

            bytes[b] = value;
        }

        if (nulToSpace)
        {
            bytes = bytes.TrimEnd((byte)' ');
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        decoded = _decoded.Decode(bytes);
        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or GroupSeparator;

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsArgument(ReadOnlySpan<char> key)
        => key.Length >= 2 && key[0] == 'a' && !key[1..].ContainsAnyExceptInRange('0', '9');

    private static bool IsEncoded(ReadOnlySpan<char> key, ReadOnlySpan<char> type)
        => key is "proctitle" or "name" or "cmd" or "data" or "comm" or "exe" or "cwd" or "path" or "dir" or "file" or "key"
            or "acct" or "ocomm" or "watch"
            || (type is "EXECVE" && IsArgument(key));
}
