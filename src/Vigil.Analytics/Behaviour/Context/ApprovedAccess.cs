namespace Vigil.Analytics.Behaviour.Context;

/// <summary>An approved privileged-access pattern: who, from which hosts, to which hosts, at which UTC hours.</summary>
internal sealed class ApprovedAccess
{
    public required string Name { get; init; }

    public required UserScope Users { get; init; }

    /// <summary>Gets the source hosts; empty means any source.</summary>
    public required AssetScope From { get; init; }

    /// <summary>Gets the destination hosts; empty means any destination.</summary>
    public required AssetScope To { get; init; }

    /// <summary>Gets the first UTC hour (inclusive).</summary>
    public int FromHour { get; init; }

    /// <summary>Gets the last UTC hour (exclusive; 24 for the end of the day).</summary>
    public int ToHour { get; init; } = 24;

    /// <summary>Whether an hour of the day is inside the pattern's hours (a range may wrap midnight: 22-06).</summary>
    public bool CoversHour(int hour) => FromHour <= ToHour ? hour >= FromHour && hour < ToHour : hour >= FromHour || hour < ToHour;
}
