using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Json;

/// <summary>
/// Streams JSON arrays of events and concatenated JSON values (as jq reads them) in bounded memory: a
/// <see cref="Utf8JsonReader"/> over a refilled buffer finds where each top-level value (or array element) ends, and runs
/// of complete values become batches for the workers, each value with the line where it starts. Top-level arrays are
/// opened (their elements are the events), so JSON arrays, NDJSON and pretty-printed value streams all read here; the
/// <c>Record N</c> lines that <c>evtx_dump -o json</c> prints between records are skipped.
/// A malformed value is reported and reading resumes at the next line that starts with <c>{</c> no deeper indented than
/// the bad value (how pretty-printers lay out consecutive records); when there is none, the rest of the file is
/// reported as unreadable. A value larger than <see cref="SourceLimits.MaxRecordBytes"/> is reported and skipped the same way.
/// </summary>
internal sealed partial class JsonValueBatchReader : IBatchReader
{
    /// <summary>Nesting allowed while finding value boundaries; events themselves are held to <see cref="SourceLimits.MaxDepth"/> when parsed.</summary>
    private const int ScanMaxDepth = 1024;

    private static readonly JsonReaderState ScanState = new(new JsonReaderOptions { MaxDepth = ScanMaxDepth });

    private readonly string _source;
    private readonly InputFile _input;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(SourceLimits.ReadChunk);
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _done;
    private bool _started;
    private long _bufferOffset;
    private long _line = 1;
    private int _lineScan;
    private long _lineStart;
    private Expect _expect;
    private long _arrayLine;
    private long _reportedBytes;
    private long _pendingAt = -1;
    private int _pendingLength;

    private enum Expect
    {
        TopLevel,
        FirstElement,
        Element,
        CommaOrEnd,
    }

    private enum Scan
    {
        Complete,
        Malformed,
    }

    /// <summary>Creates a reader.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="input">The opened file.</param>
    public JsonValueBatchReader(string source, InputFile input)
    {
        _source = source;
        _input = input;
    }

    /// <inheritdoc />
    public long CurrentLine => _done ? _line : LineAt(_pos);

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return null;
        }

        JsonValueBatch? batch = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SkipWhitespace())
            {
                Finish(errors);
                return batch is null ? null : Seal(batch);
            }

            if (!AtValue(errors))
            {
                continue;
            }

            if (ScanValue(out var length, out var problem) == Scan.Malformed)
            {
                Recover(problem, errors);
                continue;
            }

            if (batch is not null && !batch.HasRoom(length))
            {
                // The value stays for the next batch; remember its length so that it is not scanned again.
                _pendingAt = _bufferOffset + _pos;
                _pendingLength = length;
                return Seal(batch);
            }

            batch ??= new JsonValueBatch(_source, Math.Max(SourceLimits.BlockSize, length));
            batch.Add(_buffer.AsSpan(_pos, length), LineAt(_pos));
            _pos += length;
            _expect = _expect == Expect.TopLevel ? Expect.TopLevel : Expect.CommaOrEnd;
            if (batch.IsFull)
            {
                return Seal(batch);
            }
        }
    }

    /// <summary>Handles array punctuation and record headers; true when a value starts at the read position.</summary>
    private bool AtValue(IReadErrorSink errors)
    {
        var b = _buffer[_pos];
        switch (_expect)
        {
            case Expect.TopLevel when b == '[':
                _arrayLine = LineAt(_pos);
                _pos++;
                _expect = Expect.FirstElement;
                return false;
            case Expect.TopLevel when b == 'R' && TrySkipRecordHeader():
                return false;
            case Expect.FirstElement or Expect.Element when b == ']':
                // Element: a trailing comma before ']', which is harmless.
                _pos++;
                _expect = Expect.TopLevel;
                return false;
            case Expect.CommaOrEnd when b == ',':
                _pos++;
                _expect = Expect.Element;
                return false;
            case Expect.CommaOrEnd when b == ']':
                _pos++;
                _expect = Expect.TopLevel;
                return false;
            case Expect.CommaOrEnd:
                errors.OnError(new ReadError(_source, LineAt(_pos), "expected ',' or ']' after an array element"));
                _expect = Expect.Element;
                return true;
            default:
                return true;
        }
    }

    /// <summary>Finds the end of the value at the read position, reading more input as needed.</summary>
    private Scan ScanValue(out int length, out string problem)
    {
        problem = string.Empty;
        if (_pendingAt == _bufferOffset + _pos)
        {
            _pendingAt = -1;
            length = _pendingLength;
            return Scan.Complete;
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, ScanState);
            try
            {
                if (reader.Read() && (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip()))
                {
                    length = (int)reader.BytesConsumed;
                    if (length <= SourceLimits.MaxRecordBytes)
                    {
                        return Scan.Complete;
                    }

                    problem = Oversized();
                    return Scan.Malformed;
                }
            }
            catch (JsonException ex)
            {
                length = 0;
                problem = Describe(ex);
                return Scan.Malformed;
            }

            length = 0;
            if (_end - _pos > SourceLimits.MaxRecordBytes)
            {
                problem = Oversized();
                return Scan.Malformed;
            }

            if (!Refill(_pos))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"JSON value starting at line {LineAt(_pos)} is cut off by the end of the file");
                return Scan.Malformed;
            }
        }
    }

    private string Oversized() => string.Create(
        CultureInfo.InvariantCulture, $"JSON value starting at line {LineAt(_pos)} is larger than {SourceLimits.MaxRecordBytes} bytes");

    private string Describe(JsonException ex)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = (cut > 0 ? reason[..cut] : reason).TrimEnd('.');
        var start = LineAt(_pos);
        var lines = ex.LineNumber ?? 0;
        var offset = (ex.BytePositionInLine ?? 0) + (lines == 0 ? Column(_pos) : 0);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"malformed JSON value starting at line {start}: {reason} (at line {start + lines}, byte offset {offset})");
    }

    private bool SkipWhitespace()
    {
        while (true)
        {
            if (!_started && _end - _pos >= 3)
            {
                _started = true;
                if (_buffer.AsSpan(_pos, 3).SequenceEqual((ReadOnlySpan<byte>)[0xef, 0xbb, 0xbf]))
                {
                    _pos += 3;
                }
            }

            var next = _buffer.AsSpan(_pos, _end - _pos).IndexOfAnyExcept(" \t\r\n"u8);
            if (next >= 0)
            {
                _pos += next;
                return true;
            }

            _pos = _end;
            if (!Refill(_pos))
            {
                return false;
            }
        }
    }

    /// <summary>Drops the bytes before <paramref name="keep"/> (counting their lines first), grows the buffer when it is full, and reads more.</summary>
    private bool Refill(int keep)
    {
        if (_eof)
        {
            return false;
        }

        LineAt(keep);
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _bufferOffset += keep;
            _pos -= keep;
            _end -= keep;
            _lineScan -= keep;
        }

        // Never more than the largest value plus one read, however long a value turns out to be.
        const int Limit = SourceLimits.MaxRecordBytes + SourceLimits.ReadChunk;
        if (_end == _buffer.Length && _buffer.Length < Limit)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, Limit));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var room = Math.Min(_buffer.Length, Limit) - _end;
        var n = _input.Read(_buffer.AsSpan(_end, room));
        _eof = n < room;
        _end += n;
        return n > 0;
    }

    private long LineAt(int index)
    {
        if (index > _lineScan)
        {
            var scanned = _buffer.AsSpan(_lineScan, index - _lineScan);
            var count = scanned.Count((byte)'\n');
            if (count > 0)
            {
                _line += count;
                _lineStart = _bufferOffset + _lineScan + scanned.LastIndexOf((byte)'\n') + 1;
            }

            _lineScan = index;
        }

        return _line;
    }

    private long Column(int index)
    {
        LineAt(index);
        return _bufferOffset + index - _lineStart;
    }

    private JsonValueBatch Seal(JsonValueBatch batch)
    {
        var fileBytes = _input.FileBytesRead;
        batch.FileBytes = fileBytes - _reportedBytes;
        _reportedBytes = fileBytes;
        return batch;
    }

    private void Finish(IReadErrorSink errors)
    {
        if (_expect != Expect.TopLevel)
        {
            errors.OnError(new ReadError(_source, _arrayLine, string.Create(
                CultureInfo.InvariantCulture, $"the JSON array starting at line {_arrayLine} is not closed at the end of the file")));
        }

        _line = LineAt(_end);
        _done = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _pos = _end = _lineScan = 0;
    }
}
