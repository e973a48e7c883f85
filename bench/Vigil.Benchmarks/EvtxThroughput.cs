using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Benchmarks;

/// <summary>
/// <c>evtx [-k K] [--digest] FILES...</c>: parses the EVTX files K times on one thread (reading, binary XML, rendering every
/// field into an <see cref="EventRecord"/>; no matching) and prints events/s. With <c>--digest</c> it also prints a
/// deterministic hash of everything read (record ids, timestamps, field names, values and kinds, error messages), to check
/// that a change to the reader leaves its output alone. Used by <c>scripts/bench-evtx.sh</c>.
/// </summary>
internal static class EvtxThroughput
{
    public static int Run(string[] args)
    {
        var repeat = 1;
        var digest = false;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "-k" && i + 1 < args.Length)
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--digest")
            {
                digest = true;
            }
            else
            {
                files.Add(args[i]);
            }
        }

        var record = new EventRecord();
        var handler = new CountingHandler { Digest = digest };
        var errors = new CountingErrors { Digest = digest };

        // Warm-up pass (JIT), not timed.
        ParseAll(files, record, handler, errors);
        handler.Count = 0;
        handler.Fields = 0;
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
        if (digest)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digest events={handler.Hash:x16} errors={errors.Hash:x16}"));
        }

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
        public bool Digest;
        public ulong Hash = Fnv.Offset;

        public void OnEvent(EventRecord record)
        {
            Count++;
            Fields += record.FieldCount;
            if (!Digest)
            {
                return;
            }

            Hash = Fnv.Add(Hash, record.Location);
            Hash = Fnv.Add(Hash, record.TimestampTicks);
            for (var i = 0; i < record.FieldCount; i++)
            {
                Hash = Fnv.Add(Hash, record.NameAt(i));
                Hash = Fnv.Add(Hash, record.ValueAt(i));
                Hash = Fnv.Add(Hash, (long)record.KindAt(i));
            }
        }
    }

    private sealed class CountingErrors : IReadErrorSink
    {
        public long Count;
        public bool Digest;
        public ulong Hash = Fnv.Offset;

        public void OnError(ReadError error)
        {
            Count++;
            if (Digest)
            {
                Hash = Fnv.Add(Fnv.Add(Hash, error.Message), error.Location);
            }
        }
    }

    /// <summary>FNV-1a, 64 bits: deterministic across runs (unlike <see cref="HashCode"/>).</summary>
    private static class Fnv
    {
        public const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        public static ulong Add(ulong hash, ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            // A separator, so that ("ab", "c") and ("a", "bc") differ.
            return (hash ^ 0xffff) * Prime;
        }

        public static ulong Add(ulong hash, long value) => (hash ^ (ulong)value) * Prime;
    }
}
