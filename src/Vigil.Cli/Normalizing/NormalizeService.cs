using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Hunting;
using Vigil.Cli.Setup;
using Vigil.Core.Events;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Normalizing;

/// <summary>
/// Runs <c>vigil normalize</c>: reads every input in order (one thread, so that the output keeps the input order), gives
/// each event its normalized view and writes it; prints a summary by source type and class, and the events no map
/// recognised, per file.
/// </summary>
internal static class NormalizeService
{
    private const int MapErrorPrintLimit = 20;

    /// <summary>Runs the command.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    public static int Run(NormalizeSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        Normalizer normalizer;
        ContextEnricher? enricher = null;
        var configurationErrors = 0;
        if (settings.ContextPath is not null)
        {
            var context = ContextSetup.Load(settings.ContextPath, settings.MapsPath, console.Error, note =>
            {
                if (!settings.Quiet)
                {
                    console.Error.WriteLine("vigil: " + note);
                }
            });
            normalizer = context.Normalizer;
            enricher = context.Enricher;
            configurationErrors = context.Errors;
        }
        else
        {
            var map = ContextSetup.LoadMaps(settings.MapsPath);
            foreach (var error in map.Errors.Take(MapErrorPrintLimit))
            {
                console.Error.WriteLine($"vigil: map error: {error.Message}");
            }

            normalizer = new Normalizer(map);
            configurationErrors = map.Errors.Count;
        }

        if (normalizer.MappingCount == 0)
        {
            throw new CliFatalException("no normalization map loaded; nothing can be normalized");
        }

        var schema = new EventSchema(normalizer.FieldNames.Concat(EventTimestamp.TimeFields).Distinct(StringComparer.OrdinalIgnoreCase));
        var errors = new ReadErrorReporter(console.Error.WriteLine);
        var inputs = HuntInputs.Expand(settings.Inputs, errors);
        using var file = HuntService.OpenOutput(settings.OutputPath);
        var output = file ?? console.Output;
        using var writer = new EventWriter(output, settings.Output, normalizer, enricher);
        var record = new EventRecord();
        foreach (var source in inputs.OpenSources(settings.InputFormat))
        {
            writer.StartFile(source.Name);
            foreach (var batch in source.ReadBatches(errors, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Parse(record, schema, writer, errors);
            }
        }

        output.Flush();
        errors.Finish();
        if (!settings.Quiet)
        {
            writer.WriteSummary(console.Error);
            if (enricher is not null)
            {
                ContextSetup.WriteResolution(enricher.Stats, console.Error);
            }
        }

        var code = ExitCodes.Ok;
        if (errors.Count > 0)
        {
            code |= ExitCodes.InputErrors;
        }

        if (configurationErrors > 0)
        {
            code |= ExitCodes.RuleErrors;
        }

        return code;
    }

    /// <summary>Normalizes each event and writes it as one JSON line; counts what it saw.</summary>
    private sealed class EventWriter : IEventHandler, IDisposable
    {
        private readonly TextWriter _output;
        private readonly NormalizeOutput _shape;
        private readonly Normalizer _normalizer;
        private readonly ContextEnricher? _enricher;
        private readonly List<IndicatorHit> _indicators = [];
        private readonly NormalizedEvent _view = new();
        private readonly MemoryStream _buffer = new();
        private readonly Utf8JsonWriter _json;
        private readonly SortedDictionary<string, long> _bySourceAndClass = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _unmappedByFile = new(StringComparer.Ordinal);
        private string _file = string.Empty;
        private long _events;
        private long _indicatorHits;

        public EventWriter(TextWriter output, NormalizeOutput shape, Normalizer normalizer, ContextEnricher? enricher)
        {
            _output = output;
            _shape = shape;
            _normalizer = normalizer;
            _enricher = enricher;
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public void StartFile(string file) => _file = file;

        public void Dispose()
        {
            _json.Dispose();
            _buffer.Dispose();
        }

        public void OnEvent(EventRecord record)
        {
            _events++;
            if (!_normalizer.Normalize(record, _view))
            {
                _unmappedByFile[_file] = _unmappedByFile.GetValueOrDefault(_file) + 1;
            }

            if (_enricher is not null)
            {
                _indicators.Clear();
                _enricher.Enrich(_view, record.SourceName, _indicators);
                if (_indicators.Count > 0)
                {
                    _view.Set("context.indicators", string.Join("; ", _indicators.Select(Describe)));
                    _indicatorHits += _indicators.Count;
                }
            }

            var key = $"{_view.Source ?? "(no map)"}\t{_view.ClassUid} {_view.ClassName}";
            _bySourceAndClass[key] = _bySourceAndClass.GetValueOrDefault(key) + 1;
            _buffer.SetLength(0);
            _json.Reset(_buffer);
            switch (_shape)
            {
                case NormalizeOutput.Ocsf:
                    NormalizedJson.WriteOcsf(_json, _view, record);
                    break;
                case NormalizeOutput.Ecs:
                    NormalizedJson.WriteEcs(_json, _view, record);
                    break;
                default:
                    NormalizedJson.WriteJsonl(_json, _view, record);
                    break;
            }

            _json.Flush();
            _output.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        }

        private static string Describe(IndicatorHit hit)
        {
            var techniques = hit.Indicator.Techniques.Count == 0 ? string.Empty : " " + string.Join(',', hit.Indicator.Techniques);
            return $"{hit.Indicator.Kind}:{hit.Indicator.Value} at {hit.Attribute} ({hit.Indicator.Source ?? hit.Indicator.Origin}{techniques})";
        }

        public void WriteSummary(TextWriter error)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"normalized {_events} events"));
            if (_enricher is not null)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threat-indicator matches: {_indicatorHits} (in 'context.indicators')"));
            }

            foreach (var (key, count) in _bySourceAndClass)
            {
                var parts = key.Split('\t');
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,8}  {parts[0],-22} {parts[1]}"));
            }

            foreach (var (file, count) in _unmappedByFile.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"no map recognised {count} events of {file}"));
            }
        }
    }
}
