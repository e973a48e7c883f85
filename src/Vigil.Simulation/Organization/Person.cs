namespace Vigil.Simulation.Organization;

/// <summary>A person of the organisation: identity, accounts, hosts and working habits.</summary>
internal sealed class Person
{
    /// <summary>Gets the position in the organisation (stable; seeds per-person generators).</summary>
    public required int Index { get; init; }

    /// <summary>Gets the canonical identity id (<c>jdoe</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the peer group.</summary>
    public required PeerGroup PeerGroup { get; init; }

    /// <summary>Gets the business unit.</summary>
    public Department Department => PeerGroup.Department;

    /// <summary>Gets the everyday Windows account.</summary>
    public required Account Account { get; init; }

    /// <summary>Gets the administrator account (<c>adm-jdoe</c>) of administrators, else null.</summary>
    public Account? AdminAccount { get; init; }

    /// <summary>Gets the user principal name.</summary>
    public required string Upn { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public required string Email { get; init; }

    /// <summary>Gets the directory groups.</summary>
    public required IReadOnlyList<string> Groups { get; init; }

    /// <summary>Gets whether the identity is privileged.</summary>
    public bool Privileged => AdminAccount is not null;

    /// <summary>Gets or sets the external services the person's workstation talks to (stable).</summary>
    public IReadOnlyList<Internet.Service> Sites { get; set; } = [];

    /// <summary>Gets or sets the manager's id (null for the head of the organisation).</summary>
    public string? ManagerId { get; set; }

    /// <summary>Gets or sets the primary workstation.</summary>
    public Host Workstation { get; set; } = null!;

    /// <summary>Gets or sets the file server.</summary>
    public Host FileServer { get; set; } = null!;

    /// <summary>Gets the working pattern.</summary>
    public required ScheduleKind Schedule { get; init; }

    /// <summary>Gets the usual start of the working day, in minutes after midnight UTC.</summary>
    public required int StartMinute { get; init; }

    /// <summary>Gets the usual length of the working day in minutes.</summary>
    public required int LengthMinutes { get; init; }

    /// <summary>Gets the shift rotation offset (shift workers).</summary>
    public required int RotationOffset { get; init; }

    /// <summary>Gets whether the person works remotely every working day (VPN from a laptop).</summary>
    public required bool Remote { get; init; }

    /// <summary>Gets the chance of working from home on a given day (hybrid workers; 1 for remote ones).</summary>
    public required double VpnDayChance { get; init; }

    /// <summary>Gets the home city (VPN users).</summary>
    public required City HomeCity { get; init; }

    /// <summary>Gets the home latitude (the city, moved a little per person).</summary>
    public required double HomeLatitude { get; init; }

    /// <summary>Gets the home longitude.</summary>
    public required double HomeLongitude { get; init; }

    /// <summary>Gets the home address.</summary>
    public required string HomeIp { get; init; }

    /// <summary>Gets the mobile (tethering) address.</summary>
    public required string MobileIp { get; init; }

    /// <summary>Gets the cloud identity of cloud users, else null.</summary>
    public CloudIdentity? Cloud { get; init; }

    /// <summary>Gets whether the person logs on to Linux servers.</summary>
    public required bool Linux { get; init; }

    /// <summary>Gets the days off (leave, sickness).</summary>
    public required IReadOnlySet<int> LeaveDays { get; init; }

    /// <summary>Gets or sets the first working day (new employees join later).</summary>
    public int StartDay { get; set; }

    /// <summary>Gets or sets a trip abroad, if any.</summary>
    public TravelPlan? Travel { get; set; }

    /// <summary>Gets or sets the truth entry all of this person's activity counts towards (a new employee), or null.</summary>
    public Scenarios.ScenarioRecord? ActivityRecord { get; set; }

    /// <summary>Gets or sets a day whose VPN logons a scenario writes itself (the baseline leaves them out).</summary>
    public int ScenarioVpnDay { get; set; } = -1;

    /// <summary>Gets the name the person types on the VPN.</summary>
    public string VpnName => Department.VpnName switch
    {
        VpnNameForm.Sam => Account.Name,
        VpnNameForm.DownLevel => Account.DownLevel,
        _ => Upn,
    };

    /// <inheritdoc />
    public override string ToString() => Id;
}
