using System.Buffers;
using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Text;

/// <summary>
/// Splits a line-based file (NDJSON, syslog, CEF...) into line-aligned blocks of about <see cref="SourceLimits.BlockSize"/> bytes without parsing them (the
/// workers do), counting lines so that each block knows its first line number. Memory stays bounded: one block being
/// filled plus the partial line carried to the next; a line longer than <see cref="SourceLimits.MaxRecordBytes"/> is
/// reported and skipped without being buffered. When the input fails part way, the complete lines read so far are
/// still returned and the partial last line is dropped. The <see cref="LineFormat"/> parses the lines, may keep state from
/// block to block and may move a block's end back so that a multi-line record stays in one batch.
/// </summary>
internal sealed class LineBatchReader(string source, InputFile input, LineFormat format) : IBatchReader
{
    private byte[]? _carry;
    private int _carryLength;
    private long _nextLine = 1;
    private long _reportedBytes;
    private bool _eof;
    private bool _started;

    /// <inheritdoc />
    public long CurrentLine => _nextLine;

    private static ReadOnlySpan<byte> Utf8Bom => [0xef, 0xbb, 0xbf];

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        if (_eof && _carryLength == 0)
        {
            ReleaseCarry();
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(SourceLimits.BlockSize, _carryLength * 2));
        var filled = TakeCarry(buffer);
        var searchFrom = filled;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A block never holds more than the longest allowed line plus its line feed.
            var capacity = Math.Min(buffer.Length, SourceLimits.MaxRecordBytes + 1);
            if (!_eof && filled < capacity)
            {
                var n = input.Read(buffer.AsSpan(filled, capacity - filled));
                _eof = n < capacity - filled;
                filled += n;
            }

            if (_eof)
            {
                if (input.Failure is not null)
                {
                    // The last line was cut by the failure; the source reports the failure with this line number.
                    filled = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                }

                ReleaseCarry();
                return MakeBatch(buffer, filled);
            }

            var newline = buffer.AsSpan(searchFrom, filled - searchFrom).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                var end = searchFrom + newline + 1;
                var cut = format.FindCut(buffer.AsSpan(0, end));
                if (cut > 0 && cut <= end)
                {
                    end = cut;
                }

                Carry(buffer.AsSpan(end, filled - end));
                return MakeBatch(buffer, end);
            }

            if (filled > SourceLimits.MaxRecordBytes)
            {
                filled = SkipLongLine(buffer, errors, cancellationToken);
                searchFrom = 0;
                continue;
            }

            // One line fills the whole buffer: continue it in a larger one.
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, SourceLimits.MaxRecordBytes + 1));
            buffer.AsSpan(0, filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
            searchFrom = filled;
        }
    }

    private LineBatch? MakeBatch(byte[] buffer, int end)
    {
        var start = 0;
        if (!_started)
        {
            _started = true;
            if (buffer.AsSpan(0, end).StartsWith(Utf8Bom))
            {
                start = 3;
            }
        }

        if (end <= start)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        var fileBytes = input.FileBytesRead;
        var state = format.InspectBlock(buffer.AsSpan(start, end - start), _nextLine);
        var batch = new LineBatch(source, format, state, buffer, start, end, _nextLine, fileBytes - _reportedBytes);
        _reportedBytes = fileBytes;
        _nextLine += buffer.AsSpan(start, end - start).Count((byte)'\n');
        return batch;
    }

    /// <summary>Reports the over-long line starting the buffer and reads past its end; returns how much of the next lines is in the buffer.</summary>
    private int SkipLongLine(byte[] buffer, IReadErrorSink errors, CancellationToken cancellationToken)
    {
        errors.OnError(new ReadError(source, _nextLine, string.Create(
            CultureInfo.InvariantCulture, $"line longer than {SourceLimits.MaxRecordBytes} bytes; skipped")));
        _nextLine++;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = input.Read(buffer);
            _eof = n < buffer.Length;
            var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var rest = n - newline - 1;
                buffer.AsSpan(newline + 1, rest).CopyTo(buffer);
                return rest;
            }

            if (_eof)
            {
                return 0;
            }
        }
    }

    private int TakeCarry(byte[] buffer)
    {
        var length = _carryLength;
        if (length > 0)
        {
            _carry.AsSpan(0, length).CopyTo(buffer);
            _carryLength = 0;
        }

        return length;
    }

    private void Carry(ReadOnlySpan<byte> partialLine)
    {
        if (_carry is null || _carry.Length < partialLine.Length)
        {
            ReleaseCarry();
            _carry = ArrayPool<byte>.Shared.Rent(Math.Max(partialLine.Length, 4096));
        }

        partialLine.CopyTo(_carry);
        _carryLength = partialLine.Length;
    }

    private void ReleaseCarry()
    {
        if (_carry is not null)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = null;
        }
    }
}
