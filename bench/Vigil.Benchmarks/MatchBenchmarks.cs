using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Vigil.Core.Events;
using Vigil.Detection.Engine;
using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Evaluation;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Benchmarks;

/// <summary>
/// Per-event cost of matching pre-parsed Windows events against 100 rules and against the full SigmaHQ set,
/// beside the cost of merely tokenizing the same events with Utf8JsonReader (the baseline).
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private List<byte[]> _lines = [];
    private EventRecord[] _records = [];
    private DetectionEngine _engine = null!;
    private MatchScratch _scratch = null!;
    private readonly List<DetectionHit> _hits = [];

    [Params(100, 0)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = BenchData.WindowsEventLines();
        var rules = new SigmaRuleLoader().LoadPaths(BenchData.FullRuleSet).Rules;
        var chosen = RuleCount == 0 ? rules : rules.Where(r => r.Kind == SigmaRuleKind.Detection).Take(RuleCount).ToList();
        _engine = new DetectionEngineBuilder().UseLogsources(LogsourceMap.LoadDefault()).AddRules(chosen).Build();
        _scratch = _engine.CreateScratch();
        _records = [.. _lines.Select(l =>
        {
            var r = new EventRecord();
            BenchData.Fill(r, _engine.Schema, l);
            return r;
        })];
    }

    [Benchmark(Baseline = true, Description = "tokenize (Utf8JsonReader)")]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(Description = "match pre-parsed events")]
    public int Match()
    {
        _hits.Clear();
        foreach (var record in _records)
        {
            _engine.Match(record, _scratch, _hits);
        }

        return _hits.Count;
    }
}
