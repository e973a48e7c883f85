using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;
using Vigil.Ingest.Sources;

namespace Vigil.Simulation.Tests.Support;

/// <summary>
/// A small simulation (40 people, 16 days) written once per test class, then read back with Vigil's own readers, the
/// shipped normalization maps and the simulated context folder.
/// </summary>
public sealed class SimulatedRun : IDisposable
{
    public const int Users = 40;
    public const int Days = 16;
    public const int Seed = 7;

    private readonly TempFolder _folder = new();

    public SimulatedRun()
    {
        Options = new SimulationOptions { Users = Users, Days = Days, Seed = Seed, OutputDirectory = _folder.Path };
        Result = Simulator.Run(Options, CancellationToken.None);
        Context = OrganizationContext.Load(Path.Combine(_folder.Path, "context"));
        var map = NormalizationMap.LoadDefault();
        MapErrors = map.Errors.Count;
        var normalizer = new Normalizer(map);
        var enricher = new ContextEnricher(Context.Context);
        var schema = new EventSchema(normalizer.FieldNames.Concat(EventTimestamp.TimeFields).Distinct(StringComparer.OrdinalIgnoreCase));
        var errors = new Errors();
        var events = new List<ReadEvent>();
        foreach (var file in SimulationConstants.LogFiles)
        {
            var handler = new Collector(Path.GetFileName(file), normalizer, enricher, events);
            var record = new EventRecord();
            foreach (var batch in EventSources.Open(Path.Combine(_folder.Path, file)).ReadBatches(errors, CancellationToken.None))
            {
                batch.Parse(record, schema, handler, errors);
            }
        }

        Events = events;
        ReadErrors = errors.List;
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder.Path, "truth.json")));
        Truth = truth.RootElement.Clone();
    }

    internal SimulationOptions Options { get; }

    internal SimulationResult Result { get; }

    internal ContextLoadResult Context { get; }

    internal int MapErrors { get; }

    internal IReadOnlyList<ReadEvent> Events { get; }

    internal IReadOnlyList<ReadError> ReadErrors { get; }

    internal JsonElement Truth { get; }

    internal string Folder => _folder.Path;

    internal IEnumerable<ReadEvent> In(string file) => Events.Where(e => e.File == file);

    internal JsonElement Scenario(string name) => Truth.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    public void Dispose() => _folder.Dispose();

    private sealed class Errors : IReadErrorSink
    {
        public List<ReadError> List { get; } = [];

        public void OnError(ReadError error)
        {
            lock (List)
            {
                List.Add(error);
            }
        }
    }

    private sealed class Collector(string file, Normalizer normalizer, ContextEnricher enricher, List<ReadEvent> events) : IEventHandler
    {
        private readonly NormalizedEvent _view = new();

        public void OnEvent(EventRecord record)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < record.FieldCount; i++)
            {
                fields.TryAdd(record.NameAt(i).ToString(), record.ValueAt(i).ToString());
            }

            var mapped = normalizer.Normalize(record, _view);
            enricher.Enrich(_view, file, []);
            var view = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in _view.Attributes)
            {
                view.TryAdd(key, value);
            }

            events.Add(new ReadEvent
            {
                File = file,
                Ticks = record.TimestampTicks,
                Fields = fields,
                Mapped = mapped,
                ClassName = _view.ClassName,
                View = view,
            });
        }
    }
}
