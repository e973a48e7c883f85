using System.Text;

namespace Vigil.Ingest.Enrichment.Input;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields with <c>""</c> for a quote and line breaks
/// inside quotes, LF or CRLF record ends, an optional UTF-8 byte order mark, blank lines skipped. A record longer than
/// <see cref="ContextLimits.MaxRecordChars"/> or with a stray quote is reported and skipped; reading goes on.
/// </summary>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private bool _started;

    public CsvReader(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>Reads the next record into <paramref name="fields"/>.</summary>
    /// <param name="fields">Cleared, then filled with the record's fields.</param>
    /// <param name="line">The 1-based line where the record starts.</param>
    /// <param name="error">Why the record was skipped, or null.</param>
    /// <returns>False at the end of the input.</returns>
    public bool Read(List<string> fields, out int line, out string? error)
    {
        fields.Clear();
        _field.Clear();
        error = null;
        if (!_started)
        {
            _started = true;
            if (_reader.Peek() == '\uFEFF')
            {
                _ = _reader.Read();
            }
        }

        // Skip blank lines.
        while (_reader.Peek() is '\r' or '\n')
        {
            ConsumeLineEnd(_reader.Read());
        }

        line = _line;
        if (_reader.Peek() < 0)
        {
            return false;
        }

        var length = 0;
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    error = "a quoted field is not closed before the end of the file";
                    return true;
                }

                fields.Add(_field.ToString());
                return true;
            }

            if (++length > ContextLimits.MaxRecordChars)
            {
                error = $"the record is longer than {ContextLimits.MaxRecordChars} characters";
                SkipRestOfLine(c);
                return true;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _ = _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            if (c == ',')
            {
                if (!AddField(fields, out error))
                {
                    SkipRestOfLine(c);
                    return true;
                }

                afterQuote = false;
                continue;
            }

            if (c is '\r' or '\n')
            {
                ConsumeLineEnd(c);
                fields.Add(_field.ToString());
                return true;
            }

            if (afterQuote)
            {
                error = $"unexpected '{(char)c}' after the closing quote of field {fields.Count + 1}";
                SkipRestOfLine(c);
                return true;
            }

            if (c == '"' && _field.Length == 0)
            {
                quoted = true;
                continue;
            }

            if (c == '"')
            {
                error = $"a quote inside unquoted field {fields.Count + 1}; quote the whole field and double inner quotes";
                SkipRestOfLine(c);
                return true;
            }

            _field.Append((char)c);
        }
    }

    private bool AddField(List<string> fields, out string? error)
    {
        if (fields.Count >= ContextLimits.MaxFields)
        {
            error = $"the record has more than {ContextLimits.MaxFields} fields";
            return false;
        }

        fields.Add(_field.ToString());
        _field.Clear();
        error = null;
        return true;
    }

    private void ConsumeLineEnd(int c)
    {
        if (c == '\r' && _reader.Peek() == '\n')
        {
            _ = _reader.Read();
        }

        _line++;
    }

    private void SkipRestOfLine(int c)
    {
        while (c >= 0 && c is not ('\r' or '\n'))
        {
            c = _reader.Read();
        }

        if (c >= 0)
        {
            ConsumeLineEnd(c);
        }
    }
}
