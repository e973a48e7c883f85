using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Json;

/// <summary>Recovery after a malformed value, and the <c>Record N</c> lines of <c>evtx_dump -o json</c>.</summary>
internal sealed partial class JsonValueBatchReader
{
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

    /// <summary>Reports a bad value and moves to the next line that can start a value, or gives up on the rest of the file.</summary>
    private void Recover(string problem, IReadErrorSink errors)
    {
        var line = LineAt(_pos);
        if (Resync(Column(_pos)))
        {
            errors.OnError(new ReadError(_source, line, string.Create(CultureInfo.InvariantCulture, $"{problem}; skipped to line {LineAt(_pos)}")));
            _expect = _expect == Expect.TopLevel ? Expect.TopLevel : Expect.Element;
            return;
        }

        errors.OnError(new ReadError(_source, line, string.Create(
            CultureInfo.InvariantCulture,
            $"{problem}; the rest of the file from line {line} cannot be read (no later line starts a JSON object)")));
        _expect = Expect.TopLevel;
    }

    /// <summary>Moves to the next line whose first non-blank byte is '{' and whose indentation is at most <paramref name="column"/>; false at the end of the input.</summary>
    private bool Resync(long column)
    {
        var from = _pos + 1;
        while (true)
        {
            var newline = _buffer.AsSpan(from, _end - from).IndexOf((byte)'\n');
            if (newline < 0)
            {
                _pos = _end;
                if (!Refill(_end))
                {
                    return false;
                }

                from = _pos;
                continue;
            }

            var lineStart = from + newline + 1;
            var first = lineStart;
            while (first < _end && _buffer[first] is (byte)' ' or (byte)'\t')
            {
                first++;
            }

            if (first == _end && !_eof)
            {
                // The line's start is not read yet: keep it from its line feed and look again.
                _pos = lineStart - 1;
                Refill(_pos);
                from = _pos;
                continue;
            }

            if (first < _end && _buffer[first] == '{' && first - lineStart <= column)
            {
                _pos = first;
                return true;
            }

            from = lineStart;
        }
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
