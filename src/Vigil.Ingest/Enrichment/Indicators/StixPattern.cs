namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>
/// Reads the subset of STIX 2.1 patterning that lists values: one or more equality comparisons joined by <c>OR</c>,
/// inside one or several observation brackets joined by <c>OR</c>:
/// <c>[ipv4-addr:value = '203.0.113.9' OR domain-name:value = 'evil.example'] OR [file:hashes.'SHA-256' = '…']</c>.
/// Supported paths: <c>ipv4-addr:value</c>, <c>ipv6-addr:value</c>, <c>domain-name:value</c>, <c>url:value</c>,
/// <c>email-addr:value</c>, <c>file:hashes.MD5|'SHA-1'|'SHA-256'</c>. Anything else (AND, other operators, qualifiers,
/// other paths) is unsupported.
/// </summary>
internal ref struct StixPattern
{
    private readonly ReadOnlySpan<char> _text;
    private int _pos;

    private StixPattern(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="pattern"/>; returns why it is unsupported or malformed, or null.</summary>
    public static string? Parse(string pattern, List<(IndicatorKind Kind, string Value)> values)
    {
        var parser = new StixPattern(pattern);
        return parser.ParseAll(values);
    }

    private string? ParseAll(List<(IndicatorKind Kind, string Value)> values)
    {
        while (true)
        {
            SkipSpace();
            if (!Take('['))
            {
                return $"expected '[' at position {_pos + 1}";
            }

            while (true)
            {
                if (Comparison(values) is { } error)
                {
                    return error;
                }

                SkipSpace();
                if (Take(']'))
                {
                    break;
                }

                if (!TakeWord("OR"))
                {
                    return $"unsupported: only OR may join comparisons (position {_pos + 1})";
                }
            }

            SkipSpace();
            if (_pos == _text.Length)
            {
                return null;
            }

            if (!TakeWord("OR"))
            {
                return $"unsupported: only OR may join observations, without qualifiers (position {_pos + 1})";
            }
        }
    }

    private string? Comparison(List<(IndicatorKind Kind, string Value)> values)
    {
        SkipSpace();
        var start = _pos;
        var inQuote = false;
        while (_pos < _text.Length && (inQuote || (!char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not ('=' or '!' or '<' or '>' or ']'))))
        {
            inQuote ^= _text[_pos] == '\'';
            _pos++;
        }

        var path = _text[start.._pos];
        SkipSpace();
        if (!Take('='))
        {
            return $"unsupported comparison operator after '{path}' (only '=' is supported)";
        }

        SkipSpace();
        if (!Take('\''))
        {
            return $"expected a quoted string after '{path} ='";
        }

        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return "a string is not closed";
            }

            var c = _text[_pos++];
            if (c == '\'')
            {
                break;
            }

            if (c == '\\' && _pos < _text.Length)
            {
                c = _text[_pos++];
            }

            value.Append(c);
        }

        if (!TryKind(path, out var kind))
        {
            return $"unsupported object path '{path}'";
        }

        values.Add((kind, value.ToString()));
        return null;
    }

    private static bool TryKind(ReadOnlySpan<char> path, out IndicatorKind kind)
    {
        Span<char> lower = stackalloc char[Math.Min(path.Length, 64)];
        if (path.Length > 64)
        {
            kind = default;
            return false;
        }

        path.ToLowerInvariant(lower);
        switch (lower)
        {
            case "ipv4-addr:value" or "ipv6-addr:value":
                kind = IndicatorKind.IpAddress;
                return true;
            case "domain-name:value":
                kind = IndicatorKind.DomainName;
                return true;
            case "url:value":
                kind = IndicatorKind.Url;
                return true;
            case "email-addr:value":
                kind = IndicatorKind.EmailAddress;
                return true;
            case "file:hashes.md5" or "file:hashes.'md5'":
                kind = IndicatorKind.Md5;
                return true;
            case "file:hashes.'sha-1'" or "file:hashes.sha1" or "file:hashes.'sha1'":
                kind = IndicatorKind.Sha1;
                return true;
            case "file:hashes.'sha-256'" or "file:hashes.sha256" or "file:hashes.'sha256'":
                kind = IndicatorKind.Sha256;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Take(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private bool TakeWord(string word)
    {
        if (_text[_pos..].StartsWith(word, StringComparison.Ordinal) && _pos + word.Length < _text.Length && (char.IsWhiteSpace(_text[_pos + word.Length]) || _text[_pos + word.Length] == '['))
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }
}
