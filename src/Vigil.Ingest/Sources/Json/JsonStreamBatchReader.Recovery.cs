using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Json;

/// <summary>Recovery after a malformed record: finding where the next record starts.</summary>
internal sealed partial class JsonStreamBatchReader
{
    /// <summary>How many bytes before a candidate record start are kept when the buffer is refilled during recovery.</summary>
    private const int Lookbehind = 256;

    /// <summary>The longest first member name learned as the records' signature.</summary>
    private const int MaxSignature = 128;

    private static ReadOnlySpan<byte> Blank => " \t\r\n"u8;

    /// <summary>The first member name (with its quotes) of the first good record, such as <c>"eventVersion"</c>.</summary>
    private byte[]? _signature;

    private enum Verdict
    {
        Yes,
        No,
        NeedMore,
    }

    /// <summary>Reports a record that could not be read and moves past it.</summary>
    private void Fail(Scan scan, string problem, IReadErrorSink errors)
    {
        if (scan == Scan.CutOff)
        {
            errors.OnError(new ReadError(_source, LineAt(_pos), _inWrapper ? problem + " (the file is truncated)" : problem));
            _pos = _end;
            _expect = Expect.TopLevel;
            _inWrapper = false;
            return;
        }

        Recover(problem, errors);
    }

    /// <summary>Reports a bad record and moves to the next place a record or wrapper starts, or gives up on the rest of the file.</summary>
    private void Recover(string problem, IReadErrorSink errors)
    {
        var line = LineAt(_pos);
        var inArray = _expect != Expect.TopLevel;
        if (inArray && _signature is null)
        {
            // The first record is the bad one: its first member name, when intact, still marks the next records.
            LearnSignature(_buffer.AsSpan(_pos, Math.Min(_end - _pos, MaxSignature + 64)));
        }

        if (Resync(Column(_pos), out var isWrapper))
        {
            errors.OnError(new ReadError(_source, line, string.Create(CultureInfo.InvariantCulture, $"{problem}; skipped to line {LineAt(_pos)}")));
            if (isWrapper)
            {
                _expect = Expect.TopLevel;
                _inWrapper = false;
            }
            else
            {
                _expect = inArray ? Expect.Element : Expect.TopLevel;
            }

            return;
        }

        errors.OnError(new ReadError(_source, line, string.Create(
            CultureInfo.InvariantCulture,
            $"{problem}; no later record start was found, the rest of the file from line {line} is skipped")));
        _expect = Expect.TopLevel;
        _inWrapper = false;
    }

    /// <summary>
    /// Moves to the next <c>{</c> that starts a wrapper, starts with the records' first member name (and is not a member
    /// value), or is the first on its line and indented no deeper than <paramref name="column"/>; false at the end of the input.
    /// </summary>
    private bool Resync(long column, out bool isWrapper)
    {
        isWrapper = false;
        var from = _pos + 1;
        while (true)
        {
            var brace = from < _end ? _buffer.AsSpan(from, _end - from).IndexOf((byte)'{') : -1;
            if (brace < 0)
            {
                if (!RefillForResync(ref from, _end))
                {
                    _pos = _end;
                    return false;
                }

                continue;
            }

            var at = from + brace;
            var verdict = IsRecordStart(at, column, out isWrapper);
            if (verdict == Verdict.NeedMore)
            {
                RefillForResync(ref from, at);
                continue;
            }

            if (verdict == Verdict.Yes)
            {
                _pos = at;
                return true;
            }

            from = at + 1;
        }
    }

    /// <summary>Reads more while keeping a little before <paramref name="resumeAt"/>; <paramref name="from"/> follows the moved bytes.</summary>
    private bool RefillForResync(ref int from, int resumeAt)
    {
        var keep = Math.Max(0, resumeAt - Lookbehind);
        _pos = keep;
        var more = Refill(keep);
        from = resumeAt - keep;
        return more;
    }

    private Verdict IsRecordStart(int at, long column, out bool isWrapper)
    {
        isWrapper = false;
        var text = _buffer.AsSpan(at, _end - at);
        switch (RecordsWrapperHeader.Match(text, _eof, out _))
        {
            case RecordsWrapperHeader.Result.NeedMore:
                return Verdict.NeedMore;
            case RecordsWrapperHeader.Result.Yes:
                isWrapper = true;
                return Verdict.Yes;
        }

        if (_signature is not null)
        {
            var next = text[1..].IndexOfAnyExcept(Blank);
            if (next < 0 || next + 1 + _signature.Length > text.Length)
            {
                if (!_eof && text.Length < RecordsWrapperHeader.MaxLength)
                {
                    return Verdict.NeedMore;
                }
            }
            else if (text[(next + 1)..].StartsWith(_signature) && PreviousNonBlank(at) != ':')
            {
                return Verdict.Yes;
            }
        }

        return IsFirstOnLine(at) && Column(at) <= column ? Verdict.Yes : Verdict.No;
    }

    private byte PreviousNonBlank(int at)
    {
        var before = _buffer.AsSpan(0, at).LastIndexOfAnyExcept(Blank);
        return before < 0 ? (byte)0 : _buffer[before];
    }

    private bool IsFirstOnLine(int at)
    {
        var before = _buffer.AsSpan(0, at).LastIndexOfAnyExcept(" \t"u8);
        return before >= 0 ? _buffer[before] == '\n' : _bufferOffset == 0;
    }

    /// <summary>Remembers the first member name of the first good record, the mark later records are found by after damage.</summary>
    private void LearnSignature(ReadOnlySpan<byte> record)
    {
        if (_signature is not null || record.Length < 2 || record[0] != '{')
        {
            return;
        }

        var open = record[1..].IndexOfAnyExcept(Blank) + 1;
        if (open <= 0 || record[open] != '"')
        {
            return;
        }

        var name = record[(open + 1)..Math.Min(record.Length, open + 1 + MaxSignature)];
        var close = name.IndexOfAny((byte)'"', (byte)'\\');
        if (close > 0 && name[close] == '"')
        {
            _signature = record.Slice(open, close + 2).ToArray();
        }
    }

    /// <summary>Tells whether <paramref name="text"/> starts with a <c>Record N</c> line of <c>evtx_dump -o json</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsRecordHeader(ReadOnlySpan<byte> text)
    {
        if (!text.StartsWith("Record "u8))
        {
            return false;
        }

        var rest = text["Record ".Length..];
        var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits == 0)
        {
            return false;
        }

        if (digits < 0)
        {
            return true;
        }

        var tail = rest[digits..];
        var newline = tail.IndexOf((byte)'\n');
        return (newline < 0 ? tail : tail[..newline]).IndexOfAnyExcept(" \t\r"u8) < 0;
    }

    /// <summary>Skips a <c>Record N</c> line (evtx_dump -o json); false when the line is something else.</summary>
    private bool TrySkipRecordHeader()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            if (newline >= 0 || _eof || _end - _pos > 256)
            {
                var line = newline >= 0 ? _buffer.AsSpan(_pos, newline) : _buffer.AsSpan(_pos, _end - _pos);
                if (!IsRecordHeader(line))
                {
                    return false;
                }

                _pos = newline >= 0 ? _pos + newline + 1 : _end;
                return true;
            }

            if (!Refill(_pos))
            {
                continue;
            }
        }
    }
}
