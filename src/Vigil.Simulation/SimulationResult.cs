using Vigil.Simulation.Scenarios;

namespace Vigil.Simulation;

/// <summary>What a simulation wrote.</summary>
/// <param name="Files">Each file written (relative path), with its event count (0 for context files) and size in bytes.</param>
/// <param name="Scenarios">The truth entries.</param>
/// <param name="People">The number of people.</param>
/// <param name="ServiceAccounts">The number of service accounts.</param>
/// <param name="Hosts">The number of hosts in the inventory.</param>
internal sealed record SimulationResult(
    IReadOnlyList<(string Path, long Events, long Bytes)> Files,
    IReadOnlyList<ScenarioRecord> Scenarios,
    int People,
    int ServiceAccounts,
    int Hosts)
{
    /// <summary>Gets the number of events written.</summary>
    public long TotalEvents => Files.Sum(f => f.Events);

    /// <summary>Gets the bytes written.</summary>
    public long TotalBytes => Files.Sum(f => f.Bytes);
}
