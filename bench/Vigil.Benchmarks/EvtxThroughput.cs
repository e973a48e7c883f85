using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Benchmarks;

/// <summary>
/// <c>evtx [-k K] FILES...</c>: parses the EVTX files K times on one thread (reading, binary XML, rendering every field into
/// an <see cref="EventRecord"/>; no matching) and prints events/s. Used by <c>scripts/bench-evtx.sh</c>.
/// </summary>
internal static class EvtxThroughput
{
    public static int Run(string[] args)
    {
        var repeat = 1;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "-k" && i + 1 < args.Length)
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                files.Add(args[i]);
            }
        }

        var record = new EventRecord();
        var handler = new CountingHandler();
        var errors = new CountingErrors();

        // Warm-up pass (JIT), not timed.
        ParseAll(files, record, handler, errors);
        handler.Count = 0;
        errors.Count = 0;
        var sw = Stopwatch.StartNew();
        for (var k = 0; k < repeat; k++)
        {
            ParseAll(files, record, handler, errors);
        }

        sw.Stop();
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"events={handler.Count} errors={errors.Count} fields={handler.Fields} seconds={seconds:F3} events_per_s={handler.Count / seconds:F0}"));
        return 0;
    }

    private static void ParseAll(List<string> files, EventRecord record, CountingHandler handler, CountingErrors errors)
    {
        foreach (var file in files)
        {
            foreach (var batch in EventSources.Open(file, EventFileFormat.Evtx).ReadBatches(errors, CancellationToken.None))
            {
                batch.Parse(record, EventSchema.Empty, handler, errors);
            }
        }
    }

    private sealed class CountingHandler : IEventHandler
    {
        public long Count;
        public long Fields;

        public void OnEvent(EventRecord record)
        {
            Count++;
            Fields += record.FieldCount;
        }
    }

    private sealed class CountingErrors : IReadErrorSink
    {
        public long Count;

        public void OnError(ReadError error) => Count++;
    }
}
