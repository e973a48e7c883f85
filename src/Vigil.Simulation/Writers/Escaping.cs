using System.Text;

namespace Vigil.Simulation.Writers;

/// <summary>Escapes text for the formats written.</summary>
internal static class Escaping
{
    /// <summary>Appends XML text (element content and attribute values: <c>&amp; &lt; &gt; &quot;</c>).</summary>
    public static StringBuilder AppendXml(this StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => text.Append("&amp;"),
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                '"' => text.Append("&quot;"),
                '\r' => text.Append("&#13;"),
                _ => text.Append(c),
            };
        }

        return text;
    }

    /// <summary>A CEF extension value: <c>\</c>, <c>=</c> and line breaks escaped.</summary>
    public static string CefValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\=\r\n") < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>A CEF header field: <c>\</c> and <c>|</c> escaped.</summary>
    public static string CefHeader(string value)
        => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A YAML scalar: plain when safe, else single-quoted.</summary>
    public static string Yaml(string value)
    {
        var plain = value.Length > 0 && char.IsAsciiLetterOrDigit(value[0]) && value[^1] != ' '
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '@' or '-' or '/' or '(' or ')')
            && !value.Contains(" (", StringComparison.Ordinal)
            && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n");
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A YAML flow list of scalars: <c>[a, b]</c>.</summary>
    public static string YamlList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Yaml)) + "]";
}
