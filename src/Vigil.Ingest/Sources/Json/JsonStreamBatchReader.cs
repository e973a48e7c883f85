using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Sources.Json;

/// <summary>
/// Streams JSON event files that are not one object per line: arrays of events, concatenated or pretty-printed values
/// (as jq reads them; the <c>Record N</c> lines that <c>evtx_dump -o json</c> prints between records are skipped), and
/// records wrappers, <c>{"Records": [ {...}, {...} ]}</c> as CloudTrail writes its S3 log files (and
/// <c>{"records": [...]}</c> as Azure Monitor diagnostic settings write them), in bounded memory: each element of the
/// <c>Records</c> array is one event, with the line where it starts, its JSON as raw text, and its fields flattened by the
/// JSON event parser. Several wrappers may follow one another (concatenated files), one-line or pretty-printed; a
/// top-level object that is not a wrapper is read as one event and a top-level array's elements as events.
/// Members of a wrapper after its <c>Records</c> array are skipped. A malformed record is reported and reading resumes
/// at the next record, found by the first member name the records of the file start with (CloudTrail writes
/// <c>{"eventVersion":</c> first), so that a one-line file loses only the bad record; damage to the wrapper itself (not
/// closed, a missing comma or bracket) is reported with the line where the wrapper starts.
/// </summary>
internal sealed partial class JsonStreamBatchReader : IBatchReader
{
    /// <summary>Nesting allowed while finding record boundaries; events themselves are held to <see cref="SourceLimits.MaxDepth"/>.</summary>
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
    private bool _inWrapper;
    private long _containerLine;
    private long _reportedBytes;
    private long _pendingAt = -1;
    private int _pendingLength;

    /// <summary>Creates a reader.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="input">The opened file.</param>
    public JsonStreamBatchReader(string source, InputFile input)
    {
        _source = source;
        _input = input;
    }

    private enum Expect
    {
        TopLevel,
        FirstElement,
        Element,
        CommaOrEnd,
        WrapperMemberOrEnd,
        MemberName,
        MemberColon,
        MemberValue,
    }

    private enum Scan
    {
        Complete,
        Malformed,
        CutOff,
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

            if (!AtRecord(errors))
            {
                continue;
            }

            var scan = ScanValue(out var length, out var problem);
            if (scan != Scan.Complete)
            {
                Fail(scan, problem, errors);
                continue;
            }

            if (batch is not null && !batch.HasRoom(length))
            {
                // The record stays for the next batch; remember its length so that it is not scanned again.
                _pendingAt = _bufferOffset + _pos;
                _pendingLength = length;
                return Seal(batch);
            }

            batch ??= new JsonValueBatch(_source, Math.Max(SourceLimits.BlockSize, length));
            if (_expect != Expect.TopLevel)
            {
                LearnSignature(_buffer.AsSpan(_pos, length));
            }

            batch.Add(_buffer.AsSpan(_pos, length), LineAt(_pos));
            _pos += length;
            _expect = _expect == Expect.TopLevel ? Expect.TopLevel : Expect.CommaOrEnd;
            if (batch.IsFull)
            {
                return Seal(batch);
            }
        }
    }

    /// <summary>Handles the wrapper and array punctuation; true when a record starts at the read position.</summary>
    private bool AtRecord(IReadErrorSink errors)
    {
        var b = _buffer[_pos];
        switch (_expect)
        {
            case Expect.TopLevel when b == '{':
                return !TryEnterWrapper();
            case Expect.TopLevel when b == 'R' && TrySkipRecordHeader():
                return false;
            case Expect.TopLevel when b == '[':
                _containerLine = LineAt(_pos);
                _pos++;
                _expect = Expect.FirstElement;
                return false;
            case Expect.FirstElement or Expect.Element when b == ']':
                // Element: a trailing comma before ']', which is harmless.
                CloseArray();
                return false;
            case Expect.CommaOrEnd when b == ',':
                _pos++;
                _expect = Expect.Element;
                return false;
            case Expect.CommaOrEnd when b == ']':
                CloseArray();
                return false;
            case Expect.CommaOrEnd when b == '{':
                errors.OnError(new ReadError(_source, LineAt(_pos), "missing ',' between two records"));
                _expect = Expect.Element;
                return true;
            case Expect.CommaOrEnd when b == '}' && _inWrapper:
                errors.OnError(new ReadError(_source, LineAt(_pos), WrapperProblem("its Records array is not closed by ']' before '}'")));
                _pos++;
                _expect = Expect.TopLevel;
                _inWrapper = false;
                return false;
            case Expect.CommaOrEnd:
                Recover("expected ',' or ']' after a record", errors);
                return false;
            case Expect.WrapperMemberOrEnd or Expect.MemberName or Expect.MemberColon or Expect.MemberValue:
                SkipWrapperMember(b, errors);
                return false;
            default:
                return true;
        }
    }

    /// <summary>Enters a records wrapper when one starts at the read position; false for any other object.</summary>
    private bool TryEnterWrapper()
    {
        while (true)
        {
            var verdict = RecordsWrapperHeader.Match(_buffer.AsSpan(_pos, _end - _pos), _eof, out var length);
            if (verdict == RecordsWrapperHeader.Result.NeedMore)
            {
                Refill(_pos);
                continue;
            }

            if (verdict == RecordsWrapperHeader.Result.No)
            {
                return false;
            }

            _containerLine = LineAt(_pos);
            _pos += length;
            _inWrapper = true;
            _expect = Expect.FirstElement;
            return true;
        }
    }

    private void CloseArray()
    {
        _pos++;
        _expect = _inWrapper ? Expect.WrapperMemberOrEnd : Expect.TopLevel;
    }

    /// <summary>After the Records array: skips the wrapper's other members up to its closing brace.</summary>
    private void SkipWrapperMember(byte b, IReadErrorSink errors)
    {
        switch (_expect)
        {
            case Expect.WrapperMemberOrEnd when b == '}':
                _pos++;
                _expect = Expect.TopLevel;
                _inWrapper = false;
                return;
            case Expect.WrapperMemberOrEnd when b == ',':
                _pos++;
                _expect = Expect.MemberName;
                return;
            case Expect.MemberColon when b == ':':
                _pos++;
                _expect = Expect.MemberValue;
                return;
            case Expect.MemberName when b == '"':
            case Expect.MemberValue:
                var scan = ScanValue(out var length, out var problem);
                if (scan != Scan.Complete)
                {
                    Fail(scan, problem, errors);
                    return;
                }

                _pos += length;
                _expect = _expect == Expect.MemberName ? Expect.MemberColon : Expect.WrapperMemberOrEnd;
                return;
            default:
                // The wrapper is damaged after its records: read on as top-level values.
                errors.OnError(new ReadError(_source, LineAt(_pos), WrapperProblem("it is not closed by '}' after its Records array")));
                _expect = Expect.TopLevel;
                _inWrapper = false;
                return;
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
                if (_eof && IsCutOff())
                {
                    problem = string.Create(
                        CultureInfo.InvariantCulture, $"the JSON value starting at line {LineAt(_pos)} is cut off by the end of the file");
                    return Scan.CutOff;
                }

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
                problem = string.Create(
                    CultureInfo.InvariantCulture, $"the JSON value starting at line {LineAt(_pos)} is cut off by the end of the file");
                return Scan.CutOff;
            }
        }
    }

    /// <summary>Tells whether the value at the read position is valid as far as it goes but ends with the input.</summary>
    private bool IsCutOff()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), isFinalBlock: false, ScanState);
        try
        {
            return !(reader.Read() && (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip()));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private string Oversized() => string.Create(
        CultureInfo.InvariantCulture, $"the JSON value starting at line {LineAt(_pos)} is larger than {SourceLimits.MaxRecordBytes} bytes");

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
            if (!_started && (_end - _pos >= 3 || _eof))
            {
                _started = true;
                if (_buffer.AsSpan(_pos, _end - _pos).StartsWith((ReadOnlySpan<byte>)[0xef, 0xbb, 0xbf]))
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

        // Never more than the largest record plus one read, however long a record turns out to be.
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
        if (_inWrapper)
        {
            errors.OnError(new ReadError(_source, _containerLine, WrapperProblem("it is not closed at the end of the file (is the file truncated?)")));
        }
        else if (_expect != Expect.TopLevel)
        {
            errors.OnError(new ReadError(_source, _containerLine, string.Create(
                CultureInfo.InvariantCulture, $"the JSON array starting at line {_containerLine} is not closed at the end of the file")));
        }

        _line = LineAt(_end);
        _done = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _pos = _end = _lineScan = 0;
    }

    private string WrapperProblem(string problem) => string.Create(
        CultureInfo.InvariantCulture, $"damaged {{\"Records\": [...]}} wrapper starting at line {_containerLine}: {problem}");
}
