namespace Vigil.Ingest.Enrichment.Assets;

/// <summary>How much the organisation depends on an asset; written by name (<c>low</c> ... <c>critical</c>, any case) in context files.</summary>
public enum AssetCriticality
{
    /// <summary>Not stated in the inventory.</summary>
    Unknown = 0,

    /// <summary>Losing it hurts little (lab machines, kiosks).</summary>
    Low = 1,

    /// <summary>An ordinary business asset (most workstations).</summary>
    Medium = 2,

    /// <summary>Important to a business unit (file servers, build servers, admins' workstations).</summary>
    High = 3,

    /// <summary>The organisation depends on it (domain controllers, clinical systems, identity providers).</summary>
    Critical = 4,
}
