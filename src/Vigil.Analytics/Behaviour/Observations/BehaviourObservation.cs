namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>
/// The few facts of one event the behavioural models read, taken from its enriched normalized view. Strings are pooled
/// (<see cref="StringPool"/>), so buffering many observations costs about 140 bytes each.
/// </summary>
internal struct BehaviourObservation
{
    /// <summary>Event time, UTC ticks.</summary>
    public long Ticks;

    /// <summary>What happened.</summary>
    public ObservationKind Kind;

    /// <summary>Windows logon type (2 interactive, 3 network, 10 remote interactive...), 0 when not a Windows logon.</summary>
    public byte LogonType;

    /// <summary>Whether <see cref="User"/> is a canonical identity id (resolved against the context).</summary>
    public bool UserResolved;

    /// <summary>The user: canonical identity id when resolved, else the name as logged, lower-cased.</summary>
    public string? User;

    /// <summary>The user name as logged.</summary>
    public string? UserRaw;

    /// <summary>The host the event happened on or was aimed at: asset name when resolved, else the host name as logged.</summary>
    public string? Host;

    /// <summary>The source host: asset name when resolved, else as logged.</summary>
    public string? SourceHost;

    /// <summary>The source address.</summary>
    public string? SourceAddress;

    /// <summary>The destination address (network flows).</summary>
    public string? DestinationAddress;

    /// <summary>The network segment (a prefix asset) of the source address, when the context has one.</summary>
    public string? Segment;

    /// <summary>The process image file name, lower-cased.</summary>
    public string? Process;

    /// <summary>The parent process image file name, lower-cased.</summary>
    public string? Parent;

    /// <summary>The group a member was added to, or the account that was created.</summary>
    public string? Target;

    /// <summary>The account added to <see cref="Target"/> (group changes), as logged.</summary>
    public string? Member;

    /// <summary>Bytes sent out (network flows).</summary>
    public long Bytes;

    /// <summary>Source latitude, or NaN.</summary>
    public float Latitude;

    /// <summary>Source longitude, or NaN.</summary>
    public float Longitude;

    /// <summary>Source place ("London, GB"), or null.</summary>
    public string? Place;

    /// <summary>The file the event came from.</summary>
    public string? SourceName;

    /// <summary>The event's location in that file (line or record).</summary>
    public long Location;

    /// <summary>Gets whether the observation has a source position.</summary>
    public readonly bool HasGeo => !float.IsNaN(Latitude) && !float.IsNaN(Longitude);
}
