namespace Vigil.Detection.Engine;

/// <summary>Assigns field ids in first-seen order, merging names that differ only in case (as EventSchema does).</summary>
internal sealed class SchemaBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public int Resolve(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids[name] = id;
            _names.Add(name);
        }

        return id;
    }
}
