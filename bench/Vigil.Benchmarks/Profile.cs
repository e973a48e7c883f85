using System.Diagnostics;
using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;
using Vigil.Ingest.Sources;

namespace Vigil.Benchmarks;

/// <summary>
/// Splits the cost of hunting one file on one thread into: load rules, compile, read+parse only, read+parse+match.
/// Usage: profile FILE [maxRules]
/// </summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var maxRules = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        var sw = Stopwatch.StartNew();
        RuleLoadReport? report = new SigmaRuleLoader().LoadPaths(BenchData.FullRuleSet);
        var load = sw.Elapsed;
        Console.WriteLine($"heap after load: {GC.GetTotalMemory(true) / 1048576} MB");
        sw.Restart();
        var rules = report!.Rules.Take(maxRules).ToList();
        var engine = new DetectionEngineBuilder().UseLogsources(LogsourceMap.LoadDefault()).StrictLogsource(Environment.GetEnvironmentVariable("VIGIL_STRICT") == "1").AddRules(rules).Build();
        var compile = sw.Elapsed;
        report = null;
        Console.WriteLine(engine.DescribeMemory());
        Console.WriteLine($"heap after compile: {GC.GetTotalMemory(true) / 1048576} MB");
        Console.WriteLine($"rules: {rules.Count} loaded in {load.TotalSeconds:N2} s, compiled in {compile.TotalSeconds:N2} s; schema {engine.Schema.Count} fields");

        foreach (var line in engine.DescribeBuckets().Take(15))
        {
            Console.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("VIGIL_MATCH_LOOP") is { } loops)
        {
            var lines = File.ReadLines(path).Take(562).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
            var records = lines.Select(l =>
            {
                var r = new EventRecord();
                BenchData.Fill(r, engine.Schema, l);
                return r;
            }).ToList();
            var scratch = engine.CreateScratch();
            var hits = new List<DetectionHit>();
            var loopWatch = Stopwatch.StartNew();
            var n = int.Parse(loops, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < n; i++)
            {
                foreach (var r in records)
                {
                    hits.Clear();
                    engine.Match(r, scratch, hits);
                }
            }

            Console.WriteLine($"match loop: {loopWatch.Elapsed.TotalMilliseconds * 1000 / (n * records.Count):N2} us/event");
            Console.WriteLine($"GCs: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms");
            return 0;
        }

        if (Environment.GetEnvironmentVariable("VIGIL_RUNNER") == "1")
        {
            var runner = new Vigil.Detection.Hunting.HuntRunner(engine, new Vigil.Detection.Hunting.HuntOptions { DegreeOfParallelism = 1 });
            var stats = runner.Run([EventSources.Open(path)], new NullSink(), new Errors(), null, CancellationToken.None);
            Console.WriteLine($"runner: {stats.Events:N0} events, {stats.Hits:N0} hits in {stats.Elapsed.TotalSeconds:N2} s = {stats.Events / stats.Elapsed.TotalSeconds:N0} events/s");
            return 0;
        }

        var parseOnly = Measure(path, engine, match: false);
        var full = Measure(path, engine, match: true);
        Console.WriteLine($"parse only : {parseOnly.Events:N0} events in {parseOnly.Seconds:N2} s = {parseOnly.Events / parseOnly.Seconds:N0} events/s");
        Console.WriteLine($"parse+match: {full.Events:N0} events in {full.Seconds:N2} s = {full.Events / full.Seconds:N0} events/s, {full.Hits:N0} hits");
        Console.WriteLine($"match alone: {(full.Seconds - parseOnly.Seconds) / full.Events * 1e6:N2} us/event");
        return 0;
    }

    private static (long Events, long Hits, double Seconds) Measure(string path, DetectionEngine engine, bool match)
    {
        var source = EventSources.Open(path);
        var errors = new Errors();
        var handler = new Handler(engine, match);
        var record = new EventRecord();
        var sw = Stopwatch.StartNew();
        foreach (var batch in source.ReadBatches(errors, CancellationToken.None))
        {
            batch.Parse(record, engine.Schema, handler, errors);
        }

        var elapsed = sw.Elapsed.TotalSeconds;
        foreach (var (rule, count) in handler.ByRule.OrderByDescending(kv => kv.Value).Take(8))
        {
            Console.WriteLine($"  {count,8:N0}  {rule}");
        }

        return (handler.Events, handler.Hits, elapsed);
    }

    private sealed class Handler(DetectionEngine engine, bool match) : IEventHandler
    {
        private readonly MatchScratch _scratch = engine.CreateScratch();
        private readonly List<DetectionHit> _hits = [];

        public long Events { get; private set; }

        public long Hits { get; private set; }

        public Dictionary<string, int> ByRule { get; } = [];

        public void OnEvent(EventRecord record)
        {
            Events++;
            if (match)
            {
                _hits.Clear();
                engine.Match(record, _scratch, _hits);
                Hits += _hits.Count;
                foreach (var h in _hits)
                {
                    ByRule[h.Rule.Title] = ByRule.GetValueOrDefault(h.Rule.Title) + 1;
                }
            }
        }
    }

    private sealed class NullSink : Vigil.Detection.Hunting.IHitSink
    {
        public void OnHit(DetectionHit hit)
        {
        }
    }

    private sealed class Errors : IReadErrorSink
    {
        public void OnError(ReadError error) => Console.Error.WriteLine(error);
    }
}
