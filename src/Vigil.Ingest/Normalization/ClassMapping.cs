namespace Vigil.Ingest.Normalization;

/// <summary>One OCSF class an event of a source can fall in, with the attributes specific to it.</summary>
public sealed class ClassMapping
{
    internal ClassMapping(
        IReadOnlyList<MapCondition> when,
        int classUid,
        string className,
        ValueSpec? activity,
        ValueSpec? status,
        IReadOnlyList<AttributeMapping> attributes)
    {
        When = when;
        ClassUid = classUid;
        ClassName = className;
        Activity = activity;
        Status = status;
        Attributes = attributes;
    }

    /// <summary>Gets the conditions that all must hold (empty: always).</summary>
    public IReadOnlyList<MapCondition> When { get; }

    /// <summary>Gets the OCSF class uid (category × 1000 + class).</summary>
    public int ClassUid { get; }

    /// <summary>Gets the OCSF class caption (for example <c>Authentication</c>).</summary>
    public string ClassName { get; }

    /// <summary>Gets the spec of the OCSF <c>activity_id</c>, or null (unknown, 0).</summary>
    public ValueSpec? Activity { get; }

    /// <summary>Gets the spec of the OCSF <c>status</c> (Success, Failure, Unknown, Other), or null.</summary>
    public ValueSpec? Status { get; }

    /// <summary>Gets the class-specific attributes.</summary>
    public IReadOnlyList<AttributeMapping> Attributes { get; }
}
