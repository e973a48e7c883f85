namespace Vigil.Ingest.Enrichment.Indicators;

/// <summary>One indicator of compromise: a value to look for, how long it is valid, who says so, and what it means.</summary>
public sealed class Indicator
{
    internal Indicator(IndicatorKind kind, string value, IndicatorDetails details)
    {
        Kind = kind;
        Value = value;
        Id = details.Id;
        Confidence = details.Confidence;
        Source = details.Source;
        ValidFrom = details.ValidFrom;
        ValidUntil = details.ValidUntil;
        Labels = details.Labels;
        KillChainPhases = details.KillChainPhases;
        Techniques = details.Techniques;
        Description = details.Description;
        Origin = details.Origin;
        ValidFromTicks = details.ValidFrom?.UtcTicks ?? long.MinValue;
        ValidUntilTicks = details.ValidUntil?.UtcTicks ?? long.MaxValue;
    }

    /// <summary>Gets what the value is.</summary>
    public IndicatorKind Kind { get; }

    /// <summary>Gets the value, normalised (lower-case domains and hashes, canonical IP text, <c>/n</c> for prefixes).</summary>
    public string Value { get; }

    /// <summary>Gets the STIX id, or null for CSV indicators.</summary>
    public string? Id { get; }

    /// <summary>Gets the confidence 0..100, or null when not stated.</summary>
    public int? Confidence { get; }

    /// <summary>Gets who published it (the STIX <c>created_by_ref</c> identity's name, or the CSV <c>source</c>), or null.</summary>
    public string? Source { get; }

    /// <summary>Gets the start of validity (inclusive), or null when unbounded.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary>Gets the end of validity (exclusive), or null when unbounded.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>Gets the STIX labels.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Gets the kill chain phases as <c>kill_chain_name:phase_name</c>.</summary>
    public IReadOnlyList<string> KillChainPhases { get; }

    /// <summary>Gets the ATT&amp;CK technique ids (for example <c>T1110</c>, <c>T1059.001</c>).</summary>
    public IReadOnlyList<string> Techniques { get; }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets where it was defined, as <c>file:line</c>.</summary>
    public string Origin { get; }

    internal long ValidFromTicks { get; }

    internal long ValidUntilTicks { get; }

    /// <summary>Tells whether the indicator is valid at <paramref name="utcTicks"/> (valid_from inclusive, valid_until exclusive).</summary>
    /// <param name="utcTicks">A UTC time in ticks.</param>
    /// <returns>True when valid then.</returns>
    public bool IsValidAt(long utcTicks) => utcTicks >= ValidFromTicks && utcTicks < ValidUntilTicks;

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Value}";
}
