namespace Vigil.Simulation.Scenarios;

/// <summary>
/// The ground truth of one scenario, an entry of <c>truth.json</c>: filled in while its events are generated (every
/// event logged while the record is attributed counts, and widens the start and end).
/// </summary>
internal sealed class ScenarioRecord
{
    private readonly List<string> _users = [];
    private readonly List<string> _hosts = [];
    private readonly List<string> _addresses = [];

    /// <summary>Creates a record.</summary>
    public ScenarioRecord(string id, ScenarioKind kind, string name, IReadOnlyList<string> techniques)
    {
        Id = id;
        Kind = kind;
        Name = name;
        Techniques = techniques;
    }

    /// <summary>Gets the id (<c>attack-01-password-spraying</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the kind.</summary>
    public ScenarioKind Kind { get; }

    /// <summary>Gets the name (<c>password-spraying</c>).</summary>
    public string Name { get; }

    /// <summary>Gets or sets the one-line description.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Gets the ATT&amp;CK technique ids (none for benign traps).</summary>
    public IReadOnlyList<string> Techniques { get; }

    /// <summary>Gets the time of the first event (ticks), or 0 when none was logged.</summary>
    public long Start { get; private set; }

    /// <summary>Gets the time of the last event (ticks), or 0 when none was logged.</summary>
    public long End { get; private set; }

    /// <summary>Gets the number of events logged.</summary>
    public long EventCount { get; private set; }

    /// <summary>Gets the canonical ids of the identities the scenario is about.</summary>
    public IReadOnlyList<string> Users => _users;

    /// <summary>Gets the asset names involved.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>Gets the addresses involved.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>Counts an event at <paramref name="ticks"/>.</summary>
    public void Observe(long ticks)
    {
        Start = EventCount == 0 ? ticks : Math.Min(Start, ticks);
        End = EventCount == 0 ? ticks : Math.Max(End, ticks);
        EventCount++;
    }

    /// <summary>Adds users (once each, in order).</summary>
    public void AddUsers(params IEnumerable<string> ids) => AddDistinct(_users, ids);

    /// <summary>Adds hosts (once each, in order).</summary>
    public void AddHosts(params IEnumerable<string> names) => AddDistinct(_hosts, names);

    /// <summary>Adds addresses (once each, in order).</summary>
    public void AddAddresses(params IEnumerable<string> addresses) => AddDistinct(_addresses, addresses);

    private static void AddDistinct(List<string> list, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }
    }
}
