using System.Globalization;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>
/// Parses a Sigma condition: <c>and</c>, <c>or</c>, <c>not</c> (precedence not &gt; and &gt; or), parentheses,
/// <c>1 of</c> / <c>N of</c> / <c>any of</c> / <c>all of</c> with a search name, a wildcard pattern or <c>them</c>.
/// <c>them</c> and patterns skip searches whose name starts with an underscore.
/// </summary>
internal sealed class ConditionParser
{
    private readonly string _text;
    private readonly IReadOnlyList<string> _searchNames;
    private readonly List<string> _tokens = [];
    private readonly List<int> _offsets = [];
    private int _pos;

    private ConditionParser(string text, IReadOnlyList<string> searchNames)
    {
        _text = text;
        _searchNames = searchNames;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the offending token and column.</summary>
    public static ConditionNode Parse(string text, IReadOnlyList<string> searchNames)
    {
        var parser = new ConditionParser(text, searchNames);
        parser.Tokenize();
        if (parser._tokens.Count == 0)
        {
            throw new FormatException("the condition is empty");
        }

        var node = parser.ParseOr();
        if (parser._pos < parser._tokens.Count)
        {
            if (parser._tokens[parser._pos] == "|")
            {
                throw parser.Error("aggregation expressions ('| count() ...') are Sigma v1 syntax, not allowed in v2; use a correlation rule");
            }

            throw parser.Error($"unexpected '{parser._tokens[parser._pos]}'");
        }

        return node;
    }

    private void Tokenize()
    {
        var i = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')' or '|')
            {
                _tokens.Add(c.ToString());
                _offsets.Add(i);
                i++;
                continue;
            }

            var start = i;
            while (i < _text.Length && !char.IsWhiteSpace(_text[i]) && _text[i] is not ('(' or ')' or '|'))
            {
                i++;
            }

            _tokens.Add(_text[start..i]);
            _offsets.Add(start);
        }
    }

    private string? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool PeekIs(string keyword) => Peek is { } t && t.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private FormatException Error(string message)
    {
        var column = _pos < _offsets.Count ? _offsets[_pos] + 1 : _text.Length + 1;
        return new FormatException($"{message} at column {column} of condition '{_text}'");
    }

    private ConditionNode ParseOr()
    {
        var items = new List<ConditionNode> { ParseAnd() };
        while (PeekIs("or"))
        {
            _pos++;
            items.Add(ParseAnd());
        }

        return items.Count == 1 ? items[0] : new ConditionOr(items);
    }

    private ConditionNode ParseAnd()
    {
        var items = new List<ConditionNode> { ParseNot() };
        while (PeekIs("and"))
        {
            _pos++;
            items.Add(ParseNot());
        }

        return items.Count == 1 ? items[0] : new ConditionAnd(items);
    }

    private ConditionNode ParseNot()
    {
        if (PeekIs("not"))
        {
            _pos++;
            return new ConditionNot(ParseNot());
        }

        return ParsePrimary();
    }

    private ConditionNode ParsePrimary()
    {
        var token = Peek ?? throw Error("unexpected end, expected a search identifier");
        if (token == "(")
        {
            _pos++;
            var inner = ParseOr();
            if (Peek != ")")
            {
                throw Error("missing ')'");
            }

            _pos++;
            return inner;
        }

        if (token == "|")
        {
            throw Error("aggregation expressions ('| count() ...') are Sigma v1 syntax, not allowed in v2; use a correlation rule");
        }

        if (token is ")" || IsKeyword(token))
        {
            throw Error($"unexpected '{token}'");
        }

        if (_pos + 1 < _tokens.Count && _tokens[_pos + 1].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return ParseOf(token);
        }

        _pos++;
        if (!_searchNames.Contains(token, StringComparer.Ordinal))
        {
            _pos--;
            throw Error($"unknown search identifier '{token}'");
        }

        return new ConditionSearch(token);
    }

    private ConditionNode ParseOf(string quantifier)
    {
        int count;
        var all = false;
        if (quantifier.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            all = true;
            count = 0;
        }
        else if (quantifier.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            count = 1;
        }
        else if (!int.TryParse(quantifier, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
        {
            throw Error($"'{quantifier} of' needs a positive number, 'any' or 'all'");
        }

        _pos += 2;
        var target = Peek ?? throw Error("missing search pattern after 'of'");
        if (target is "(" or ")" or "|" || IsKeyword(target))
        {
            throw Error($"expected a search pattern or 'them' after 'of', got '{target}'");
        }

        _pos++;
        List<string> names;
        if (target.Equals("them", StringComparison.OrdinalIgnoreCase))
        {
            names = [.. _searchNames.Where(n => !n.StartsWith('_'))];
        }
        else
        {
            var pattern = target;
            names = [.. _searchNames.Where(n => Glob(pattern, n) && (n == pattern || !n.StartsWith('_') || pattern.StartsWith('_')))];
            if (names.Count == 0)
            {
                _pos--;
                throw Error($"'{target}' matches no search identifier");
            }
        }

        var children = names.Select(n => (ConditionNode)new ConditionSearch(n)).ToList();
        if (children.Count == 0)
        {
            return new ConditionConstant(all);
        }

        if (all)
        {
            return children.Count == 1 ? children[0] : new ConditionAnd(children);
        }

        if (count == 1)
        {
            return children.Count == 1 ? children[0] : new ConditionOr(children);
        }

        return new ConditionAtLeast(count, children);
    }

    private static bool IsKeyword(string token)
        => token.Equals("and", StringComparison.OrdinalIgnoreCase)
           || token.Equals("or", StringComparison.OrdinalIgnoreCase)
           || token.Equals("not", StringComparison.OrdinalIgnoreCase)
           || token.Equals("of", StringComparison.OrdinalIgnoreCase);

    private static bool Glob(string pattern, string name)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return pattern == name;
        }

        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var pos = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            pos = found + parts[i].Length;
        }

        return pos <= name.Length - parts[^1].Length;
    }
}
