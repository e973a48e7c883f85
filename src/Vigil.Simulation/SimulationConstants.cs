namespace Vigil.Simulation;

/// <summary>Defaults and bounds of <see cref="SimulationOptions"/>, and the names of the files a simulation writes.</summary>
internal static class SimulationConstants
{
    /// <summary>The default number of simulated days.</summary>
    public const int DefaultDays = 28;

    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The default number of people.</summary>
    public const int DefaultUsers = 200;

    /// <summary>The fewest days.</summary>
    public const int MinDays = 1;

    /// <summary>The most days.</summary>
    public const int MaxDays = 366;

    /// <summary>The fewest people (enough for every peer group and scenario).</summary>
    public const int MinUsers = 20;

    /// <summary>The most people.</summary>
    public const int MaxUsers = 20000;

    /// <summary>The longest learning period (clean baseline before the scenarios) in days.</summary>
    public const int MaxLearningDays = 14;

    /// <summary>The truth file's format tag.</summary>
    public const string TruthFormat = "vigil-truth/1";

    /// <summary>The default first day: a Monday.</summary>
    public static readonly DateOnly DefaultStart = new(2026, 10, 5);

    /// <summary>The log files, relative to the output folder, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> LogFiles =
    [
        "logs/windows-security.xml",
        "logs/sysmon.xml",
        "logs/linux-auth.log",
        "logs/vpn.cef",
        "logs/firewall.cef",
        "logs/cloudtrail.json",
    ];

    /// <summary>The context files, relative to the output folder.</summary>
    public static readonly IReadOnlyList<string> ContextFiles =
    [
        "context/assets.csv",
        "context/identities.yaml",
        "context/maintenance.yaml",
        "context/privileged-access.yaml",
    ];

    /// <summary>The ground-truth file, relative to the output folder.</summary>
    public const string TruthFile = "truth.json";

    /// <summary>The learning period for a run of <paramref name="days"/> days: 14 days, or half of a shorter run.</summary>
    /// <param name="days">The number of simulated days.</param>
    /// <returns>The number of clean baseline days.</returns>
    public static int LearningDays(int days) => Math.Min(MaxLearningDays, days / 2);
}
