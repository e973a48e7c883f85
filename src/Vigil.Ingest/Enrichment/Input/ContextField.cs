namespace Vigil.Ingest.Enrichment.Input;

/// <summary>
/// One field of a context row and where it was: a text (a CSV cell or a YAML scalar) or a YAML list.
/// A text read as a list is split on ';'.
/// </summary>
internal sealed class ContextField(string name, string? text, IReadOnlyList<string>? items, int line, int column)
{
    public string Name { get; } = name;

    /// <summary>Gets the text, or null when the field was a YAML list.</summary>
    public string? Text { get; } = text;

    /// <summary>Gets the items of a YAML list, or null when the field was a text.</summary>
    public IReadOnlyList<string>? Items { get; } = items;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
