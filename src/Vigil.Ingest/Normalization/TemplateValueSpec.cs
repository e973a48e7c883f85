using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>Text with <c>{Field}</c> placeholders (<c>{{</c> and <c>}}</c> for braces); nothing when any field is absent.</summary>
public sealed class TemplateValueSpec : ValueSpec
{
    private readonly (string Text, string? Field)[] _parts;

    internal TemplateValueSpec(string template, (string Text, string? Field)[] parts)
    {
        Template = template;
        _parts = parts;
    }

    /// <summary>Gets the template text.</summary>
    public string Template { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Fields => _parts.Where(p => p.Field is not null).Select(p => p.Field!);

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record)
    {
        var text = new StringBuilder();
        foreach (var (literal, field) in _parts)
        {
            if (field is null)
            {
                text.Append(literal);
                continue;
            }

            var value = FirstValue(record, field);
            if (value is null)
            {
                return null;
            }

            text.Append(value);
        }

        return text.ToString();
    }

    /// <summary>Splits a template into literal text and field references.</summary>
    /// <param name="template">The template.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>The parts, or null when invalid.</returns>
    internal static (string Text, string? Field)[]? Split(string template, out string? error)
    {
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        error = null;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    error = $"unclosed '{{' at position {i + 1} of the template";
                    return null;
                }

                var field = template[(i + 1)..close].Trim();
                if (field.Length == 0)
                {
                    error = $"empty field reference '{{}}' at position {i + 1} of the template";
                    return null;
                }

                if (literal.Length > 0)
                {
                    parts.Add((literal.ToString(), null));
                    literal.Clear();
                }

                parts.Add((string.Empty, field));
                i = close;
            }
            else if (c == '}')
            {
                error = $"unmatched '}}' at position {i + 1} of the template (write '}}}}' for a brace)";
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null));
        }

        if (!parts.Exists(p => p.Item2 is not null))
        {
            error = "the template references no field; use 'value' for a constant";
            return null;
        }

        return [.. parts];
    }
}
