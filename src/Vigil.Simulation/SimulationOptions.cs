using System.Globalization;

namespace Vigil.Simulation;

/// <summary>What to simulate and where to write it. The same options give byte-identical output.</summary>
internal sealed class SimulationOptions
{
    /// <summary>Gets the number of simulated days, from <see cref="Start"/>.</summary>
    /// <value>Default <see cref="SimulationConstants.DefaultDays"/>; 1..366.</value>
    public int Days { get; init; } = SimulationConstants.DefaultDays;

    /// <summary>Gets the seed every random choice derives from.</summary>
    /// <value>Default <see cref="SimulationConstants.DefaultSeed"/>.</value>
    public int Seed { get; init; } = SimulationConstants.DefaultSeed;

    /// <summary>Gets the number of people (service accounts come on top).</summary>
    /// <value>Default <see cref="SimulationConstants.DefaultUsers"/>; 20..20000.</value>
    public int Users { get; init; } = SimulationConstants.DefaultUsers;

    /// <summary>Gets the first simulated day (UTC midnight).</summary>
    /// <value>Default 2026-10-05, a Monday.</value>
    public DateOnly Start { get; init; } = SimulationConstants.DefaultStart;

    /// <summary>Gets the output folder (created when missing; existing files are overwritten).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Gets the number of clean baseline days before the first scenario.</summary>
    public int LearningDays => SimulationConstants.LearningDays(Days);

    /// <summary>Gets the start as UTC ticks.</summary>
    public long StartTicks => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;

    /// <summary>Lists what is wrong with the options, one message each.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Days is < SimulationConstants.MinDays or > SimulationConstants.MaxDays)
        {
            problems.Add(Invariant($"--days must be between {SimulationConstants.MinDays} and {SimulationConstants.MaxDays} (got {Days})"));
        }

        if (Users is < SimulationConstants.MinUsers or > SimulationConstants.MaxUsers)
        {
            problems.Add(Invariant($"--users must be between {SimulationConstants.MinUsers} and {SimulationConstants.MaxUsers} (got {Users})"));
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            problems.Add("--out is required: the folder to write the simulation to");
        }
        else if (File.Exists(OutputDirectory))
        {
            problems.Add($"--out {OutputDirectory} is a file, not a folder");
        }

        if (Start.Year > 9000)
        {
            problems.Add(Invariant($"--start {Start:yyyy-MM-dd} is too late"));
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
