using BenchmarkDotNet.Attributes;
using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Benchmarks;

/// <summary>
/// Per-observation cost of the behavioural models shipped in models/ (all of them; the PCA one judges only with 2,000
/// baseline user-days, which 1,000 users reach), over a month of synthetic logons,
/// process starts and flows of <see cref="Users"/> users, beside the cost of sorting the same observations by time
/// (the baseline: what a hunt does to them anyway). Allocated bytes show the memory per tracked entity.
/// </summary>
[MemoryDiagnoser]
public class BehaviourBenchmarks
{
    private BehaviourObservation[] _observations = [];
    private ModelCatalog _catalog = null!;

    [Params(1_000, 10_000)]
    public int Users { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = ModelCatalogLoader.Load(Path.Combine(BenchData.RepoRoot, "models"));
        var random = new Random(42);
        var start = new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var list = new List<BehaviourObservation>();
        for (var i = 0; i < 200_000; i++)
        {
            var user = random.Next(Users);
            var ticks = start + (long)(random.NextDouble() * 30 * TimeSpan.TicksPerDay);
            var kind = (ObservationKind)random.Next(4);
            list.Add(new BehaviourObservation
            {
                Ticks = ticks,
                Kind = kind,
                User = "user" + user,
                UserRaw = "CORP\\user" + user,
                Host = kind == ObservationKind.LogonSuccess && random.Next(4) == 0 ? "SRV-" + random.Next(50) : "WS-" + user,
                SourceHost = "WS-" + user,
                SourceAddress = "10.20." + (user / 250) + "." + (user % 250),
                Segment = "10.20." + (user / 250) + ".0/24",
                LogonType = (byte)(random.Next(3) == 0 ? 10 : 3),
                Process = "app" + random.Next(30) + ".exe",
                Parent = "explorer.exe",
                Bytes = random.NextInt64(1_000, 50_000_000),
                DestinationAddress = "93.184.216." + random.Next(256),
                Latitude = float.NaN,
                Longitude = float.NaN,
                SourceName = "bench",
                Location = i,
            });
        }

        _observations = [.. list.OrderBy(o => o.Ticks)];
    }

    [Benchmark(Baseline = true, Description = "sort observations by time")]
    public int Sort()
    {
        var copy = (BehaviourObservation[])_observations.Clone();
        Array.Sort(copy, static (a, b) => a.Ticks.CompareTo(b.Ticks));
        return copy.Length;
    }

    [Benchmark(Description = "all shipped models")]
    public int Models()
    {
        var errors = new List<ModelError>();
        var engine = new BehaviourEngine(BehaviourModelFactory.Create(_catalog.Models, BehaviourContext.Empty, errors), BehaviourContext.Empty, _catalog.Scoring);
        foreach (var observation in _observations)
        {
            engine.Observe(observation);
        }

        engine.Complete();
        return engine.Findings.Count + engine.Models.Sum(m => m.TrackedEntities);
    }
}
