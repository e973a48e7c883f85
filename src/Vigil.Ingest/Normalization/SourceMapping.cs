namespace Vigil.Ingest.Normalization;

/// <summary>
/// How the events of one source type (Windows Security, Sysmon, sshd syslog, CloudTrail, Okta...) become the normalized
/// view: which events it applies to (<see cref="Match"/>), the attributes every event gets, and the classes chosen per
/// event (first matching <see cref="Classes"/> entry; its attributes are added to and override the common ones).
/// </summary>
public sealed class SourceMapping
{
    internal SourceMapping(
        string source,
        string title,
        int priority,
        string file,
        IReadOnlyList<MapCondition> match,
        IReadOnlyList<AttributeMapping> attributes,
        IReadOnlyList<ClassMapping> classes)
    {
        Source = source;
        Title = title;
        Priority = priority;
        File = file;
        Match = match;
        Attributes = attributes;
        Classes = classes;
    }

    /// <summary>Gets the source type id (for example <c>windows-security</c>).</summary>
    public string Source { get; }

    /// <summary>Gets a human title.</summary>
    public string Title { get; }

    /// <summary>Gets the order in which mappings are tried (lower first; ties by file name).</summary>
    public int Priority { get; }

    /// <summary>Gets the file the mapping came from.</summary>
    public string File { get; }

    /// <summary>Gets the conditions that all must hold for the mapping to apply.</summary>
    public IReadOnlyList<MapCondition> Match { get; }

    /// <summary>Gets the attributes every event of the source gets.</summary>
    public IReadOnlyList<AttributeMapping> Attributes { get; }

    /// <summary>Gets the classes, tried in order.</summary>
    public IReadOnlyList<ClassMapping> Classes { get; }
}
