using System.Diagnostics;
using System.Globalization;
using Vigil.Simulation;
using Vigil.Simulation.Events;

namespace Vigil.Cli.Simulating;

/// <summary>Runs <c>vigil simulate</c>: validates the options, runs the simulation and prints what was written.</summary>
internal static class SimulateService
{
    /// <summary>Runs the command.</summary>
    /// <param name="options">The options.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Cancels the run between days.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliUsageException">The options are not valid.</exception>
    public static int Run(SimulationOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join("; ", problems));
        }

        var clock = Stopwatch.StartNew();
        SimulationResult result;
        try
        {
            result = Simulator.Run(options, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFatalException($"{options.OutputDirectory}: {ex.Message}", ex);
        }

        Print(options, result, clock.Elapsed, console.Output);
        return ExitCodes.Ok;
    }

    /// <summary>Reads a <c>YYYY-MM-DD</c> date.</summary>
    /// <exception cref="CliUsageException">The text is not such a date.</exception>
    public static DateOnly ParseDate(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"--start must be a date written YYYY-MM-DD, such as 2026-10-05 (got '{text}')");

    /// <summary>Writes a date as <c>YYYY-MM-DD</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Print(SimulationOptions options, SimulationResult result, TimeSpan elapsed, TextWriter output)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci,
            $"Simulated {result.People} people, {result.ServiceAccounts} service accounts and {result.Hosts} hosts for {options.Days} days from {FormatDate(options.Start)} (seed {options.Seed}, learning period {options.LearningDays} days)."));
        foreach (var (path, events, bytes) in result.Files)
        {
            var count = events > 0 || path.StartsWith("logs/", StringComparison.Ordinal) ? string.Create(ci, $"{events,12:N0} events") : new string(' ', 19);
            output.WriteLine(string.Create(ci, $"  {path,-34}{count}  {Megabytes(bytes),10}"));
        }

        output.WriteLine("Scenarios (truth.json):");
        foreach (var s in result.Scenarios)
        {
            output.WriteLine(string.Create(ci, $"  {s.Id,-40} {SimTime.Iso(s.Start)} .. {SimTime.Iso(s.End)} {s.EventCount,6:N0} events  {s.Title}"));
        }

        output.WriteLine(string.Create(ci,
            $"Wrote {result.TotalEvents:N0} events ({Megabytes(result.TotalBytes).Trim()}) to {options.OutputDirectory} in {elapsed.TotalSeconds:0.0} s."));
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB");
}
