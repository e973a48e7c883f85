using System.Globalization;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>
/// Splits the byte stream of one syslog TCP connection into messages (RFC 6587). The first byte of the connection
/// chooses the framing for the whole connection: an ASCII digit means octet counting (<c>LEN SP MSG</c>, LEN starting
/// with 1-9), anything else means non-transparent framing (each message ends with LF or NUL; a CR before the LF is
/// dropped). Limits: an octet count above <paramref name="maxMessageBytes"/> or a count that is not a number is a
/// framing error and the connection is to be closed; a non-transparent message longer than the limit is cut at the
/// limit, counted in <see cref="Truncated"/>, and the rest up to its terminator is skipped. Not thread-safe: one per
/// connection.
/// </summary>
/// <param name="maxMessageBytes">The longest message.</param>
internal sealed class SyslogFrameDecoder(int maxMessageBytes)
{
    private const int MaxCountDigits = 10;

    private byte[] _message = new byte[Math.Min(1024, maxMessageBytes)];
    private int _length;
    private bool _skipping;
    private long _count;
    private int _countDigits;
    private int _remaining = -1;

    /// <summary>Gets the framing of the connection, once its first byte was seen.</summary>
    public SyslogFraming Framing { get; private set; }

    /// <summary>Gets the number of non-transparent messages cut at the size limit.</summary>
    public long Truncated { get; private set; }

    /// <summary>Decodes the next bytes of the stream.</summary>
    /// <param name="data">The bytes, as received.</param>
    /// <param name="lines">Receives each complete message as one line (see <see cref="SyslogMessages.ToLine"/>).</param>
    /// <returns>Null, or a framing error; the messages before the error are in <paramref name="lines"/>.</returns>
    public string? Decode(ReadOnlySpan<byte> data, List<byte[]> lines)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        if (Framing == SyslogFraming.Unknown)
        {
            Framing = char.IsAsciiDigit((char)data[0]) ? SyslogFraming.OctetCounting : SyslogFraming.NonTransparent;
        }

        return Framing == SyslogFraming.OctetCounting ? DecodeOctetCounted(data, lines) : DecodeNonTransparent(data, lines);
    }

    /// <summary>Ends the stream (the sender closed the connection).</summary>
    /// <param name="lines">Receives a last non-transparent message that had no terminator.</param>
    /// <returns>Null, or an error when the stream ended inside an octet-counted frame.</returns>
    public string? Complete(List<byte[]> lines)
    {
        if (Framing == SyslogFraming.NonTransparent)
        {
            Emit(lines);
            return null;
        }

        return _remaining > 0 || _countDigits > 0
            ? string.Create(CultureInfo.InvariantCulture, $"the connection closed inside an octet-counted frame ({_length} bytes of the last message are dropped)")
            : null;
    }

    private string? DecodeOctetCounted(ReadOnlySpan<byte> data, List<byte[]> lines)
    {
        while (!data.IsEmpty)
        {
            if (_remaining < 0)
            {
                var b = data[0];
                data = data[1..];
                if (char.IsAsciiDigit((char)b))
                {
                    if (_countDigits == 0 && b == (byte)'0')
                    {
                        return "an octet count starts with 0";
                    }

                    _count = (_count * 10) + (b - '0');
                    if (++_countDigits > MaxCountDigits || _count > maxMessageBytes)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"an octet count is larger than the {maxMessageBytes}-byte limit");
                    }
                }
                else if (b == (byte)' ' && _countDigits > 0)
                {
                    _remaining = (int)_count;
                    _count = 0;
                    _countDigits = 0;
                }
                else if (_countDigits == 0 && b is (byte)'\n' or (byte)'\r' or 0)
                {
                    // Some senders end each octet-counted frame with a newline too: tolerated between frames.
                }
                else
                {
                    return string.Create(CultureInfo.InvariantCulture, $"expected an octet count (digits, then a space) but found byte 0x{b:x2}");
                }

                continue;
            }

            var take = Math.Min(_remaining, data.Length);
            Append(data[..take]);
            data = data[take..];
            _remaining -= take;
            if (_remaining == 0)
            {
                _remaining = -1;
                Emit(lines);
            }
        }

        return null;
    }

    private string? DecodeNonTransparent(ReadOnlySpan<byte> data, List<byte[]> lines)
    {
        while (!data.IsEmpty)
        {
            var end = data.IndexOfAny((byte)'\n', (byte)0);
            var chunk = end < 0 ? data : data[..end];
            if (!_skipping)
            {
                var room = maxMessageBytes - _length;
                if (chunk.Length > room)
                {
                    Append(chunk[..room]);
                    Emit(lines);
                    Truncated++;
                    _skipping = true;
                }
                else
                {
                    Append(chunk);
                }
            }

            if (end < 0)
            {
                break;
            }

            if (_skipping)
            {
                _skipping = false;
            }
            else
            {
                Emit(lines);
            }

            data = data[(end + 1)..];
        }

        return null;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _message.Length)
        {
            Array.Resize(ref _message, Math.Min(maxMessageBytes, Math.Max(_message.Length * 2, _length + bytes.Length)));
        }

        bytes.CopyTo(_message.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Emit(List<byte[]> lines)
    {
        if (SyslogMessages.ToLine(_message.AsSpan(0, _length)) is { } line)
        {
            lines.Add(line);
        }

        _length = 0;
    }
}
