using System.Text;
using Vigil.Simulation.Activity;
using Vigil.Simulation.Context;
using Vigil.Simulation.Events;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;
using Vigil.Simulation.Scenarios;

namespace Vigil.Simulation;

/// <summary>
/// Runs a simulation: builds the organisation, plans the scenarios, generates day by day (baseline, then the day's
/// scenarios) while the log files are written in time order, then writes the context folder and the truth file.
/// Everything derives from the seed: no clock, no unseeded randomness, no dependence on hash-table order.
/// </summary>
internal static class Simulator
{
    /// <summary>Runs the simulation.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="cancellationToken">Cancels between days.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static SimulationResult Run(SimulationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var organization = OrganizationBuilder.Build(options);
        var scenarios = ScenarioPlanner.Plan(organization, options);
        Directory.CreateDirectory(options.OutputDirectory);
        IReadOnlyList<long> counts;
        using (var log = new EventLog(options.OutputDirectory, SimRandom.For(options.Seed, "incidental")))
        {
            var telemetry = new Telemetry(log);
            for (var day = 0; day < options.Days; day++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var dayStart = options.StartTicks + (day * SimTime.Day);
                var context = new DayContext(organization, telemetry, options.Seed, day, dayStart);
                BaselineGenerator.Generate(context);
                foreach (var scenario in scenarios)
                {
                    scenario.Generate(context);
                }

                log.FlushBefore(dayStart + SimTime.Day);
            }

            counts = log.Complete();
        }

        var contextDir = Path.Combine(options.OutputDirectory, "context");
        Directory.CreateDirectory(contextDir);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(contextDir, "assets.csv"), AssetsWriter.Render(organization), utf8);
        File.WriteAllText(Path.Combine(contextDir, "identities.yaml"), IdentitiesWriter.Render(organization, options.Seed), utf8);
        File.WriteAllText(Path.Combine(contextDir, "maintenance.yaml"), PolicyWriter.Maintenance(organization, options.StartTicks), utf8);
        File.WriteAllText(Path.Combine(contextDir, "privileged-access.yaml"), PolicyWriter.PrivilegedAccess(), utf8);
        var records = scenarios.Select(s => s.Record).ToList();
        File.WriteAllBytes(Path.Combine(options.OutputDirectory, SimulationConstants.TruthFile), TruthWriter.Render(options, records));
        var files = new List<(string, long, long)>();
        for (var i = 0; i < SimulationConstants.LogFiles.Count; i++)
        {
            files.Add((SimulationConstants.LogFiles[i], counts[i], Size(options, SimulationConstants.LogFiles[i])));
        }

        files.AddRange(SimulationConstants.ContextFiles.Append(SimulationConstants.TruthFile).Select(f => (f, 0L, Size(options, f))));
        return new SimulationResult(files, records, organization.People.Count, organization.ServiceAccounts.Count, organization.Hosts.Count);
    }

    private static long Size(SimulationOptions options, string relative) => new FileInfo(Path.Combine(options.OutputDirectory, relative)).Length;
}
