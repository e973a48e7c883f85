using System.Net;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// One scenario in the form alerts are matched against: its match window in UTC ticks and its entities in compared form
/// (see <see cref="EntityNormalizer"/>). Lookups take spans, so matching an alert allocates nothing for users and hosts.
/// </summary>
internal sealed class ScenarioMatcher
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _users;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _hosts;
    private readonly HashSet<IPAddress> _addresses = [];

    /// <summary>Creates the matcher.</summary>
    /// <param name="scenario">The scenario (validated).</param>
    /// <param name="kindIndex">Its index among the scenarios of its kind.</param>
    /// <param name="options">The lead and slack of the match window.</param>
    public ScenarioMatcher(GroundTruthScenario scenario, int kindIndex, BacktestOptions options)
    {
        Scenario = scenario;
        KindIndex = kindIndex;
        WindowStart = (scenario.Start - options.MatchLead).UtcTicks;
        WindowEnd = (scenario.End + options.MatchSlack).UtcTicks;
        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in scenario.Users)
        {
            users.Add(EntityNormalizer.User(user).ToString());
        }

        foreach (var host in scenario.Hosts)
        {
            if (EntityNormalizer.TryAddress(host, out var address))
            {
                _addresses.Add(address);
            }
            else
            {
                hosts.Add(EntityNormalizer.Host(host).ToString());
            }
        }

        foreach (var value in scenario.Addresses)
        {
            if (EntityNormalizer.TryAddress(value, out var address))
            {
                _addresses.Add(address);
            }
        }

        _users = users.GetAlternateLookup<ReadOnlySpan<char>>();
        _hosts = hosts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the scenario.</summary>
    public GroundTruthScenario Scenario { get; }

    /// <summary>Gets whether the scenario is an attack (else a benign trap).</summary>
    public bool IsAttack => Scenario.Kind == GroundTruthScenarioKind.Attack;

    /// <summary>Gets the index of the scenario among the attacks, or among the benign traps.</summary>
    public int KindIndex { get; }

    /// <summary>Gets the first instant (UTC ticks) an alert matches: the scenario start minus the lead.</summary>
    public long WindowStart { get; }

    /// <summary>Gets the last instant (UTC ticks) an alert matches: the scenario end plus the slack.</summary>
    public long WindowEnd { get; }

    /// <summary>Whether an alert at <paramref name="ticks"/> (UTC) lies in the match window (both ends included).</summary>
    /// <param name="ticks">The alert time in UTC ticks.</param>
    /// <returns>Whether it does.</returns>
    public bool Covers(long ticks) => ticks >= WindowStart && ticks <= WindowEnd;

    /// <summary>Whether the alert shares at least one user, host or address with the scenario.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>Whether it does.</returns>
    public bool SharesEntity(DeduplicatedAlert alert)
    {
        foreach (var user in alert.Users)
        {
            if (_users.Contains(EntityNormalizer.User(user)))
            {
                return true;
            }
        }

        if (_hosts.Set.Count > 0)
        {
            foreach (var host in alert.Hosts)
            {
                // A host written as an IP address is compared as an address (it is in alert.Addresses).
                var trimmed = host.AsSpan().Trim();
                if (!EntityNormalizer.LooksLikeAddress(trimmed) && _hosts.Contains(EntityNormalizer.Host(trimmed)))
                {
                    return true;
                }
            }
        }

        if (_addresses.Count > 0)
        {
            foreach (var address in alert.Addresses)
            {
                if (_addresses.Contains(address))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
