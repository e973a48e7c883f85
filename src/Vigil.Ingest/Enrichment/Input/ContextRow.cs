namespace Vigil.Ingest.Enrichment.Input;

/// <summary>One record of a context file (a CSV row or a YAML list item), with its fields by lower-case name.</summary>
internal sealed class ContextRow(string file, int line, Dictionary<string, ContextField> fields)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public IReadOnlyDictionary<string, ContextField> Fields { get; } = fields;

    /// <summary>The trimmed text of <paramref name="name"/>, or null when absent or blank (a list gives its first item).</summary>
    public string? Text(string name)
    {
        if (!Fields.TryGetValue(name, out var field))
        {
            return null;
        }

        var text = field.Text ?? (field.Items is { Count: > 0 } items ? items[0] : null);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The non-blank values of <paramref name="name"/>, trimmed: a list's items, or a text split on ';'.</summary>
    public List<string> List(string name)
    {
        var list = new List<string>();
        if (!Fields.TryGetValue(name, out var field))
        {
            return list;
        }

        foreach (var item in field.Items ?? [field.Text ?? string.Empty])
        {
            foreach (var part in item.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                list.Add(part);
            }
        }

        return list;
    }

    /// <summary>An error located at field <paramref name="name"/> (or at the row when the field is absent).</summary>
    public ContextError Error(string? name, string message)
        => name is not null && Fields.TryGetValue(name, out var field)
            ? new ContextError(File, field.Line, field.Column, $"field '{name}': {message}")
            : new ContextError(File, Line, 0, name is null ? message : $"field '{name}': {message}");
}
