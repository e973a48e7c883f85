using System.CommandLine;
using Vigil.Cli.Simulating;
using Vigil.Simulation;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil simulate</c>.</summary>
internal static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var days = new Option<int>("--days")
        {
            Description = $"Days to simulate ({SimulationConstants.MinDays}-{SimulationConstants.MaxDays}); scenarios come after a learning period of 14 days "
                + "(half the days for shorter runs).",
            HelpName = "N",
            DefaultValueFactory = _ => SimulationConstants.DefaultDays,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of every random choice: the same seed and options give byte-identical output.",
            HelpName = "S",
            DefaultValueFactory = _ => SimulationConstants.DefaultSeed,
        };
        var users = new Option<int>("--users")
        {
            Description = $"People in the organisation ({SimulationConstants.MinUsers}-{SimulationConstants.MaxUsers}); service accounts come on top.",
            HelpName = "U",
            DefaultValueFactory = _ => SimulationConstants.DefaultUsers,
        };
        var start = new Option<string>("--start")
        {
            Description = "First simulated day (UTC).",
            HelpName = "YYYY-MM-DD",
            DefaultValueFactory = _ => SimulateService.FormatDate(SimulationConstants.DefaultStart),
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write logs/, context/ and truth.json to (created if missing; existing files are overwritten).",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("simulate", "Write a synthetic organisation's activity (Windows, Sysmon, Linux, VPN, firewall, CloudTrail logs), "
            + "its context folder and the ground truth of the attacks and benign traps it contains.")
        {
            days,
            seed,
            users,
            start,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var options = new SimulationOptions
            {
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
                Users = parseResult.GetValue(users),
                Start = SimulateService.ParseDate(parseResult.GetValue(start)),
                OutputDirectory = parseResult.GetRequiredValue(output),
            };
            return SimulateService.Run(options, console, cancellationToken);
        }), CancellationToken.None));
        return command;
    }
}
