using System.Diagnostics;
using System.Text.Json;

namespace Vigil.Benchmarks;

/// <summary>
/// The reference rate: reads an NDJSON file and only tokenizes it with Utf8JsonReader on one core (no field
/// decoding, no matching). Prints events/s and MB/s.
/// </summary>
internal static class Tokenize
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var sw = Stopwatch.StartNew();
        long events = 0, tokens = 0, bytes = 0;
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            bytes += read;
            var span = buffer.AsSpan(0, carry + read);
            var last = span.LastIndexOf((byte)'\n');
            if (last < 0)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                carry += read;
                continue;
            }

            var lines = span[..(last + 1)];
            while (lines.Length > 0)
            {
                var nl = lines.IndexOf((byte)'\n');
                var line = lines[..nl];
                lines = lines[(nl + 1)..];
                if (line.IsEmpty)
                {
                    continue;
                }

                var reader = new Utf8JsonReader(line);
                while (reader.Read())
                {
                    tokens++;
                }

                events++;
            }

            var rest = span[(last + 1)..];
            rest.CopyTo(buffer);
            carry = rest.Length;
        }

        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"tokenize: {events:N0} events, {tokens:N0} tokens, {bytes / 1048576.0:N0} MiB in {seconds:N2} s = {events / seconds:N0} events/s, {bytes / 1048576.0 / seconds:N0} MiB/s (1 core)");
        return 0;
    }
}
