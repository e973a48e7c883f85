using System.Buffers;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Reads Windows events as XML: files of <c>&lt;Event xmlns=...&gt;</c> elements, optionally wrapped in <c>&lt;Events&gt;</c>
/// and preceded by <c>&lt;?xml ...?&gt;</c> (<c>wevtutil qe /f:xml</c>, Event Viewer "Save as XML"), or separated by blank lines
/// after a banner (<c>evtxexport -f xml</c>). Everything outside <c>&lt;Event&gt;</c> elements is ignored. The reader only finds
/// where each event starts and ends (a byte scan for <c>&lt;Event</c> and <c>&lt;/Event&gt;</c>, in bounded memory); the
/// workers parse the events, each on its own, so one malformed event is reported (with the line where it starts) and the
/// next one reads. <see cref="EventRecord.Location"/> is the line of the <c>&lt;Event</c> start. Input must be UTF-8.
/// </summary>
internal sealed class WindowsXmlBatchReader : IBatchReader
{
    private static ReadOnlySpan<byte> StartTag => "<Event"u8;

    private static ReadOnlySpan<byte> EndTag => "</Event>"u8;

    private readonly string _source;
    private readonly InputFile _input;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(SourceLimits.ReadChunk);
    private int _pos;
    private int _end;
    private int _lineScan;
    private long _lineAtScan = 1;
    private bool _eof;
    private bool _done;
    private long _reportedBytes;

    /// <summary>Creates a reader.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="input">The opened file.</param>
    public WindowsXmlBatchReader(string source, InputFile input)
    {
        _source = source;
        _input = input;
    }

    /// <inheritdoc />
    public long CurrentLine => LineAt(_pos);

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return null;
        }

        WindowsXmlBatch? batch = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = FindStart(_pos);
            if (start < 0)
            {
                Finish();
                return batch is null ? null : Seal(batch);
            }

            _pos = start;
            var length = FindEnd(errors);
            if (length < 0)
            {
                continue;
            }

            if (batch is not null && !batch.HasRoom(length))
            {
                return Seal(batch);
            }

            batch ??= new WindowsXmlBatch(_source, Math.Max(SourceLimits.BlockSize, length));
            batch.Add(_buffer.AsSpan(_pos, length), LineAt(_pos));
            _pos += length;
            if (batch.IsFull)
            {
                return Seal(batch);
            }
        }
    }

    /// <summary>Finds the next event start at or after <paramref name="from"/>, reading more input as needed; -1 at the end.</summary>
    private int FindStart(int from)
    {
        while (true)
        {
            var at = IndexOfStart(from);
            if (at >= 0)
            {
                return at;
            }

            // Keep a possible partial "<Event" at the end of the buffer.
            _pos = Math.Max(from, _end - StartTag.Length);
            if (!Refill())
            {
                return -1;
            }

            from = _pos;
        }
    }

    /// <summary>
    /// The length of the event at <c>_pos</c>: up to its <c>&lt;/Event&gt;</c>, or up to the next event start when that comes
    /// first (the event is then malformed and its parse reports it), or up to the end of the file. -1 when it was skipped.
    /// </summary>
    private int FindEnd(IReadErrorSink errors)
    {
        var scanned = StartTag.Length;
        while (true)
        {
            var window = _buffer.AsSpan(_pos, _end - _pos);
            var close = window[scanned..].IndexOf(EndTag);
            var next = IndexOfStart(_pos + scanned);
            var closeAt = close < 0 ? -1 : _pos + scanned + close;
            if (closeAt >= 0 && (next < 0 || closeAt < next))
            {
                return closeAt + EndTag.Length - _pos;
            }

            if (next >= 0)
            {
                return next - _pos;
            }

            if (_end - _pos > SourceLimits.MaxRecordBytes)
            {
                errors.OnError(new ReadError(
                    _source,
                    LineAt(_pos),
                    string.Create(CultureInfo.InvariantCulture, $"event starting at line {LineAt(_pos)} is larger than {SourceLimits.MaxRecordBytes} bytes; skipped")));
                _pos = _end;
                return -1;
            }

            scanned = Math.Max(StartTag.Length, _end - _pos - EndTag.Length);
            if (!Refill())
            {
                return _end - _pos;
            }
        }
    }

    private int IndexOfStart(int from)
    {
        while (from < _end)
        {
            var rel = _buffer.AsSpan(from, _end - from).IndexOf(StartTag);
            if (rel < 0)
            {
                return -1;
            }

            var at = from + rel;
            var after = at + StartTag.Length;
            if (after >= _end)
            {
                return -1;
            }

            if (_buffer[after] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/')
            {
                return at;
            }

            from = after;
        }

        return -1;
    }

    /// <summary>Moves the unread bytes from <c>_pos</c> to the front and reads more; false at the end of the input.</summary>
    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        CountLines(_pos);
        var keep = _end - _pos;
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, keep).CopyTo(_buffer);
            _lineScan -= _pos;
            _pos = 0;
            _end = keep;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var n = _input.Read(_buffer.AsSpan(_end));
        _end += n;
        if (n == 0)
        {
            _eof = true;
        }

        return n > 0;
    }

    private long LineAt(int pos)
    {
        CountLines(pos);
        return _lineAtScan;
    }

    private void CountLines(int pos)
    {
        if (pos > _lineScan)
        {
            _lineAtScan += _buffer.AsSpan(_lineScan, pos - _lineScan).Count((byte)'\n');
            _lineScan = pos;
        }
    }

    private WindowsXmlBatch Seal(WindowsXmlBatch batch)
    {
        var read = _input.FileBytesRead;
        batch.FileBytes = read - _reportedBytes;
        _reportedBytes = read;
        return batch;
    }

    private void Finish()
    {
        _done = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _pos = _end = _lineScan = 0;
    }
}
