using System.Collections.Frozen;

namespace Vigil.Detection.Logsources;

/// <summary>
/// One concrete event source of a Sigma logsource (for example Sysmon event 1 or Security event 4688 for
/// <c>windows/process_creation</c>): the conditions an event of that source satisfies and how Sigma field names map to
/// its field names. Immutable and thread-safe.
/// </summary>
public sealed class LogsourceVariant
{
    private readonly FrozenDictionary<string, string> _fields;

    internal LogsourceVariant(
        int id,
        string name,
        LogsourceDefinition definition,
        IReadOnlyList<LogsourceCondition> conditions,
        IReadOnlyDictionary<string, string> fields,
        string? note)
    {
        Id = id;
        Name = name;
        Product = definition.Product;
        Category = definition.Category;
        Service = definition.Service;
        Conditions = conditions;
        Note = note;
        _fields = fields.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        ConditionFields = conditions.Select(c => c.Field).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the dense id of the variant, 0 to <c>Variants.Count - 1</c> in its map.</summary>
    public int Id { get; }

    /// <summary>Gets the variant name, unique within its logsource (for example <c>sysmon-1</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the Sigma product, or null when the logsource does not name one.</summary>
    public string? Product { get; }

    /// <summary>Gets the Sigma category, or null when the logsource does not name one.</summary>
    public string? Category { get; }

    /// <summary>Gets the Sigma service, or null when the logsource does not name one.</summary>
    public string? Service { get; }

    /// <summary>Gets the optional free-text note from the map.</summary>
    public string? Note { get; }

    /// <summary>Gets the conditions, all of which an event of this variant satisfies.</summary>
    public IReadOnlyList<LogsourceCondition> Conditions { get; }

    /// <summary>Gets the event field names the conditions read (compared ignoring case).</summary>
    public IReadOnlyCollection<string> ConditionFields { get; }

    /// <summary>Gets the Sigma field name to event field name mappings (keys compared ignoring case).</summary>
    public IReadOnlyDictionary<string, string> FieldMappings => _fields;

    /// <summary>Returns the event field to read for a Sigma field: the mapped name, or the name itself when not mapped.</summary>
    /// <param name="sigmaField">The field name used in the rule.</param>
    /// <returns>The event field name.</returns>
    public string MapField(string sigmaField)
    {
        ArgumentNullException.ThrowIfNull(sigmaField);
        return _fields.TryGetValue(sigmaField, out var mapped) ? mapped : sigmaField;
    }

    /// <summary>Returns <c>product/category/service:name</c>, with <c>*</c> for absent keys.</summary>
    /// <returns>The display name.</returns>
    public override string ToString() => $"{Product ?? "*"}/{Category ?? "*"}/{Service ?? "*"}:{Name}";
}
