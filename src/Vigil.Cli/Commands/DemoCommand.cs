using System.CommandLine;
using Vigil.Cli.Demo;

namespace Vigil.Cli.Commands;

/// <summary>Builds <c>vigil demo</c>.</summary>
internal static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var directory = new Option<string?>("--dir") { Description = "The workspace to create (new or empty; default a new folder under the temporary folder).", HelpName = "DIR" };
        var days = new Option<int>("--days") { Description = "Days to simulate.", HelpName = "N", DefaultValueFactory = _ => 7 };
        var users = new Option<int>("--users") { Description = "People in the simulated organisation.", HelpName = "N", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Simulation seed.", HelpName = "N", DefaultValueFactory = _ => 7 };
        var listen = new Option<string>("--listen") { Description = "HTTP address of the service.", HelpName = "URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var exit = new Option<bool>("--exit") { Description = "Stop after the summary instead of serving on." };
        var command = new Command("demo", "See Vigil work in a minute: a workspace, a simulated week of an organisation with attacks, the service on it, and what it found.")
        {
            directory, days, users, seed, listen, exit,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandGuard.Run(console, () =>
        {
            var dayCount = parseResult.GetValue(days);
            if (dayCount is < 4 or > 60)
            {
                throw new CliUsageException("--days must be between 4 and 60.");
            }

            var settings = new DemoSettings
            {
                Directory = parseResult.GetValue(directory)
                    ?? Path.Combine(Path.GetTempPath(), "vigil-demo-" + Guid.NewGuid().ToString("N")[..8]),
                Days = dayCount,
                Users = parseResult.GetValue(users),
                Seed = parseResult.GetValue(seed),
                Listen = parseResult.GetRequiredValue(listen),
                Exit = parseResult.GetValue(exit),
            };
            return DemoService.Run(settings, console, cancellationToken);
        }), CancellationToken.None));
        return command;
    }
}
