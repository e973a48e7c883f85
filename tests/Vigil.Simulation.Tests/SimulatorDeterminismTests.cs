using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests;

public sealed class SimulatorDeterminismTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_SameSeedAndOptions_ByteIdenticalFiles()
    {
        var first = Run("a", seed: 3);
        var second = Run("b", seed: 3);

        foreach (var file in AllFiles)
        {
            File.ReadAllBytes(Path.Combine(first, file)).ShouldBe(File.ReadAllBytes(Path.Combine(second, file)), file);
        }
    }

    [Fact]
    public void Run_DifferentSeed_DifferentLogsAndContext()
    {
        var first = Run("a", seed: 3);
        var second = Run("b", seed: 4);

        // The policies (maintenance windows, approved access) follow the calendar and the organisation's design, not the seed.
        foreach (var file in AllFiles.Where(f => f is not ("context/privileged-access.yaml" or "context/maintenance.yaml")))
        {
            File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))).ShouldBeFalse(file);
        }
    }

    [Fact]
    public void Run_ExistingFolderWithFiles_Overwritten()
    {
        var folder = _folder.Combine("existing");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        File.WriteAllText(Path.Combine(folder, "logs", "vpn.cef"), new string('x', 10_000_000));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept");

        Run("existing", seed: 3);
        var fresh = Run("fresh", seed: 3);

        File.ReadAllBytes(Path.Combine(folder, "logs", "vpn.cef")).ShouldBe(File.ReadAllBytes(Path.Combine(fresh, "logs", "vpn.cef")));
        File.ReadAllText(Path.Combine(folder, "notes.txt")).ShouldBe("kept");
    }

    [Fact]
    public void Run_Result_CountsWhatWasWritten()
    {
        var options = new SimulationOptions { Users = 20, Days = 3, Seed = 3, OutputDirectory = _folder.Combine("counted") };

        var result = Simulator.Run(options, CancellationToken.None);

        result.People.ShouldBe(20);
        result.Files.Select(f => f.Path).ShouldBe(AllFiles);
        foreach (var (path, events, bytes) in result.Files)
        {
            bytes.ShouldBe(new FileInfo(Path.Combine(options.OutputDirectory, path)).Length, path);
            if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                File.ReadLines(Path.Combine(options.OutputDirectory, path)).Count(l => l.StartsWith("<Event ", StringComparison.Ordinal)).ShouldBe((int)events);
            }
        }
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var options = new SimulationOptions { Users = 20, Days = 3, OutputDirectory = _folder.Combine("cancelled") };

        Should.Throw<OperationCanceledException>(() => Simulator.Run(options, new CancellationToken(canceled: true)));
    }

    private static IReadOnlyList<string> AllFiles =>
        [.. SimulationConstants.LogFiles, .. SimulationConstants.ContextFiles, SimulationConstants.TruthFile];

    private string Run(string name, int seed)
    {
        var options = new SimulationOptions { Users = 20, Days = 3, Seed = seed, OutputDirectory = _folder.Combine(name) };
        Simulator.Run(options, CancellationToken.None);
        return options.OutputDirectory;
    }
}
