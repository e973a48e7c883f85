using System.Diagnostics;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Windows;

/// <summary>Seeded random damage to real samples: reading never throws, never hangs, and reports what it skips.</summary>
public sealed class EvtxHostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadFile_RandomBitFlipsAndCuts_NeverThrowsNorHangs()
    {
        var samples = Directory.EnumerateFiles(SharedData.Path("evtx"), "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(20240506);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(3) || runs < 20)
        {
            var bytes = File.ReadAllBytes(samples[random.Next(samples.Length)]);
            var flips = random.Next(1, 64);
            for (var i = 0; i < flips; i++)
            {
                // Mostly in the records' binary XML, sometimes in the headers.
                var at = random.Next(4) == 0 ? random.Next(Math.Min(bytes.Length, 0x1200)) : random.Next(0x1200, bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
            }

            if (random.Next(4) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            var path = _dir.WriteBytes("fuzz.evtx", bytes);
            var read = Task.Run(() => SourceRunner.ReadFile(path, EventFileFormat.Evtx));
            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)));
            finished.ShouldBeSameAs(read, $"run {runs} hung");
            var result = await read;
            (result.Events.Count + result.Errors.Count).ShouldBeGreaterThan(0, $"run {runs}: nothing read and nothing reported");
            runs++;
        }
    }
}
