namespace Vigil.Ingest.Normalization;

/// <summary>
/// The normalized (OCSF-shaped) view of one event: the source type and class it was mapped to, and its attributes as
/// dotted paths. Reusable: <see cref="Clear"/> empties it for the next event. Not thread-safe.
/// </summary>
public sealed class NormalizedEvent
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];

    /// <summary>Gets or sets the source type id, or null when no mapping applied.</summary>
    public string? Source { get; set; }

    /// <summary>Gets or sets the OCSF class uid (0, Base Event, when no mapping applied).</summary>
    public int ClassUid { get; set; }

    /// <summary>Gets or sets the OCSF class caption.</summary>
    public string ClassName { get; set; } = BaseEventName;

    /// <summary>Gets or sets the OCSF activity id (0 unknown).</summary>
    public int ActivityId { get; set; }

    /// <summary>Gets or sets the OCSF status (Success, Failure, Unknown, Other), or null.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the event time as UTC ticks, or 0 when unknown.</summary>
    public long TimeTicks { get; set; }

    /// <summary>Gets the attributes, in the order they were set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    /// <summary>Gets the OCSF status id for <see cref="Status"/>: 1 success, 2 failure, 99 other, 0 unknown.</summary>
    public int StatusId => Status switch
    {
        "Success" => 1,
        "Failure" => 2,
        "Other" => 99,
        _ => 0,
    };

    /// <summary>Gets the caption of the Base Event class.</summary>
    internal const string BaseEventName = "Base Event";

    /// <summary>Empties the view.</summary>
    public void Clear()
    {
        _attributes.Clear();
        Source = null;
        ClassUid = 0;
        ClassName = BaseEventName;
        ActivityId = 0;
        Status = null;
        TimeTicks = 0;
    }

    /// <summary>Sets an attribute, replacing an earlier value of the same path.</summary>
    /// <param name="path">The dotted path.</param>
    /// <param name="value">The value.</param>
    public void Set(string path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < _attributes.Count; i++)
        {
            if (string.Equals(_attributes[i].Key, path, StringComparison.Ordinal))
            {
                _attributes[i] = new(path, value);
                return;
            }
        }

        _attributes.Add(new(path, value));
    }

    /// <summary>Gets an attribute's value, or null.</summary>
    /// <param name="path">The dotted path.</param>
    /// <returns>The value, or null.</returns>
    public string? Get(string path)
    {
        foreach (var (key, value) in _attributes)
        {
            if (string.Equals(key, path, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
