using Vigil.Core.Events;

namespace Vigil.Ingest.Normalization;

/// <summary>
/// Replaces a spec's value by a constant when it has one (<c>present</c>) and gives a constant when it has none
/// (<c>missing</c>): for example CloudTrail's status is Failure when <c>errorCode</c> is present and Success when it is not.
/// </summary>
public sealed class PresenceValueSpec : ValueSpec
{
    internal PresenceValueSpec(ValueSpec input, string? present, string? missing)
    {
        Input = input;
        Present = present;
        Missing = missing;
    }

    /// <summary>Gets the spec whose presence is tested.</summary>
    public ValueSpec Input { get; }

    /// <summary>Gets the value when the input has one (null: the input's own value).</summary>
    public string? Present { get; }

    /// <summary>Gets the value when the input has none (null: nothing).</summary>
    public string? Missing { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Fields => Input.Fields;

    /// <inheritdoc />
    public override string? Evaluate(EventRecord record)
    {
        var value = Input.Evaluate(record);
        return value is null ? Missing : Present ?? value;
    }
}
