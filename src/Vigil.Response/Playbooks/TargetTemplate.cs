using System.Text;

namespace Vigil.Response.Playbooks;

/// <summary>A step target: literal text with <c>${alert.x}</c> variables, checked at load.</summary>
/// <param name="Text">The target as written.</param>
/// <param name="Parts">Literal text and variable names in order; a variable is marked by <see cref="TemplatePart.IsVariable"/>.</param>
internal sealed record TargetTemplate(string Text, IReadOnlyList<TemplatePart> Parts)
{
    /// <summary>Parses a target.</summary>
    /// <param name="text">The target as written.</param>
    /// <param name="template">The parsed template.</param>
    /// <param name="errorOffset">The 0-based offset of the first problem.</param>
    /// <param name="error">The problem.</param>
    /// <returns>Whether the target is valid.</returns>
    public static bool TryParse(string text, out TargetTemplate? template, out int errorOffset, out string? error)
    {
        (template, errorOffset, error) = (null, 0, null);
        var parts = new List<TemplatePart>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(text[i..], IsVariable: false));
                break;
            }

            if (open > i)
            {
                parts.Add(new TemplatePart(text[i..open], IsVariable: false));
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                (errorOffset, error) = (open, "'${' has no closing '}'");
                return false;
            }

            var name = text[(open + 2)..close].Trim();
            if (!TargetVariables.IsKnown(name))
            {
                (errorOffset, error) = (open, $"unknown variable '${{{name}}}'; known: {TargetVariables.Known}");
                return false;
            }

            parts.Add(new TemplatePart(name, IsVariable: true));
            i = close + 1;
        }

        template = new TargetTemplate(text, parts);
        return true;
    }

    /// <summary>Expands the target for an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="missing">The first variable with no value for this alert, if any.</param>
    /// <returns>The expanded target, or null when a variable has no value.</returns>
    public string? Expand(ResponseAlert alert, out string? missing)
    {
        missing = null;
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            if (!part.IsVariable)
            {
                builder.Append(part.Text);
                continue;
            }

            var value = TargetVariables.Read(part.Text, alert);
            if (string.IsNullOrWhiteSpace(value))
            {
                missing = part.Text;
                return null;
            }

            builder.Append(value);
        }

        return builder.ToString();
    }
}
