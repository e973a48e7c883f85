using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Engine;

/// <summary>Which rules to run: by minimum level, status and tag. Empty sets select everything.</summary>
public sealed class RuleSelection
{
    private static readonly string[] LevelOrder = ["informational", "low", "medium", "high", "critical"];

    /// <summary>Gets the lowest level to run (informational, low, medium, high, critical), or null for all.</summary>
    public string? MinimumLevel { get; init; }

    /// <summary>Gets the statuses to run (for example stable, test), or empty for all.</summary>
    public IReadOnlySet<string> Statuses { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the tags to run: a rule runs when one of its tags equals one of these or starts with it followed by a dot
    /// (<c>attack.t1059</c> selects <c>attack.t1059.001</c>). Empty for all.
    /// </summary>
    public IReadOnlySet<string> Tags { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets a selection of every rule.</summary>
    public static RuleSelection All { get; } = new();

    /// <summary>Returns the rank of a level (0 informational .. 4 critical), or -1 when unknown.</summary>
    /// <param name="level">A level name.</param>
    /// <returns>The rank.</returns>
    public static int LevelRank(string? level)
        => level is null ? -1 : Array.FindIndex(LevelOrder, l => l.Equals(level, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns whether the selection includes <paramref name="rule"/>.</summary>
    /// <param name="rule">A rule.</param>
    /// <returns>True when selected.</returns>
    public bool Includes(SigmaRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (MinimumLevel is not null && LevelRank(rule.Level) < LevelRank(MinimumLevel))
        {
            return false;
        }

        if (Statuses.Count > 0 && (rule.Status is null || !Statuses.Contains(rule.Status)))
        {
            return false;
        }

        if (Tags.Count > 0)
        {
            foreach (var tag in rule.Tags)
            {
                foreach (var wanted in Tags)
                {
                    if (tag.Equals(wanted, StringComparison.OrdinalIgnoreCase)
                        || (tag.Length > wanted.Length && tag.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && tag[wanted.Length] == '.'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return true;
    }
}
