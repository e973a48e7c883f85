using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Vigil.Benchmarks;

/// <summary>
/// Open-loop load against a running <c>vigil serve</c>: sends NDJSON batches at a fixed event rate for a while, then waits
/// for detection to drain and reads the server's own latency histograms from /metrics. Not a BenchmarkDotNet benchmark:
/// a whole-process figure for docs/benchmarks.md (scripts/bench-serve.sh runs it).
/// The first WARMUP seconds (same rate) are sent before the measured period and left out of the histogram figures
/// (they hold the JIT compiling the pipeline: vigil runs without tiered compilation).
/// Usage: ingest-load URL KEY CORPUS RATE SECONDS [BATCH=1000] [CONCURRENCY=4] [WARMUP=10]
/// </summary>
internal static class IngestLoad
{
    public static int Run(string[] args)
    {
        if (args.Length < 5)
        {
            Console.Error.WriteLine("usage: ingest-load URL KEY CORPUS RATE SECONDS [BATCH=1000] [CONCURRENCY=4]");
            return 64;
        }

        var url = new Uri(args[0]);
        var key = args[1];
        var rate = int.Parse(args[3], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var batchSize = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 4;
        var warmup = args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 10;
        var lines = File.ReadLines(args[2]).Take(200_000).Where(l => l.Length > 0).ToArray();
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var warmupBatches = rate * warmup / batchSize;
        var batches = warmupBatches + (rate * seconds / batchSize);
        string? baseline = null;
        var measuredStart = TimeSpan.Zero;
        var interval = TimeSpan.FromSeconds((double)batchSize / rate);
        long accepted = 0, refused = 0, failed = 0, sent = 0;
        var ackTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(concurrency);
        var tasks = new List<Task>();
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var b = 0; b < batches; b++)
        {
            if (b == warmupBatches)
            {
                Task.WaitAll([.. tasks]);
                Drain(client, TimeSpan.FromMinutes(2));
                baseline = client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult();
                Interlocked.Exchange(ref accepted, 0);
                Interlocked.Exchange(ref refused, 0);
                Interlocked.Exchange(ref failed, 0);
                lock (ackTimes)
                {
                    ackTimes.Clear();
                }

                measuredStart = clock.Elapsed - (interval * b);
            }

            var due = (interval * b) + measuredStart;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            gate.Wait();
            var index = b;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var body = new StringBuilder(batchSize * 1024);
                    for (var i = 0; i < batchSize; i++)
                    {
                        body.Append(lines[(int)(((long)index * batchSize + i) % lines.Length)]).Append('\n');
                    }

                    var started = clock.Elapsed;
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
                    request.Headers.Add("Idempotency-Key", $"{run}-{index}");
                    using var response = await client.SendAsync(request).ConfigureAwait(false);
                    Interlocked.Add(ref sent, batchSize);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Interlocked.Add(ref accepted, batchSize);
                        lock (ackTimes)
                        {
                            ackTimes.Add((clock.Elapsed - started).TotalMilliseconds);
                        }
                    }
                    else if ((int)response.StatusCode is 429 or 503)
                    {
                        Interlocked.Add(ref refused, batchSize);
                    }
                    else
                    {
                        Interlocked.Add(ref failed, batchSize);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Add(ref failed, batchSize);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        Task.WaitAll([.. tasks]);
        var sendSeconds = (clock.Elapsed - (interval * warmupBatches) - measuredStart).TotalSeconds;
        var measuredClock = clock.Elapsed;
        var drained = Drain(client, TimeSpan.FromMinutes(5));
        var totalSeconds = sendSeconds + (clock.Elapsed - measuredClock).TotalSeconds;
        var metrics = client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult();
        ackTimes.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target {rate:N0} events/s for {seconds} s after a {warmup} s warm-up, in batches of {batchSize} ({concurrency} concurrent): accepted {accepted:N0}, refused (429/503) {refused:N0}, failed {failed:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted rate {accepted / sendSeconds:N0} events/s over {sendSeconds:0.0} s; detection drained {(drained ? "yes" : "NO")} after {totalSeconds:0.0} s ({accepted / totalSeconds:N0} events/s end to end)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency (client): p50 {Percentile(ackTimes, 0.5):0} ms, p99 {Percentile(ackTimes, 0.99):0} ms"));
        foreach (var name in new[] { "vigil_ingest_to_detection_seconds", "vigil_ingest_to_alert_seconds" })
        {
            var (count, p50, p99) = Histogram(metrics, baseline, name);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {count:N0} observations, p50 <= {p50} s, p99 <= {p99} s"));
        }

        return 0;
    }

    private static bool Drain(HttpClient client, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using var status = JsonDocument.Parse(client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative)).GetAwaiter().GetResult());
            if (status.RootElement.GetProperty("pendingBatches").GetInt64() == 0 && status.RootElement.GetProperty("queuedBytes").GetInt64() == 0)
            {
                return true;
            }

            Thread.Sleep(200);
        }

        return false;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>Reads a Prometheus histogram: total count and the bucket bounds holding the 50th and 99th percentiles.</summary>
    private static (double Count, string P50, string P99) Histogram(string metrics, string? baseline, string name)
    {
        var buckets = Buckets(metrics, name);
        if (baseline is not null)
        {
            var before = Buckets(baseline, name);
            buckets = [.. buckets.Select(b => (b.Le, b.Count - before.FirstOrDefault(x => x.Le == b.Le).Count))];
        }

        if (buckets.Count == 0)
        {
            return (0, "?", "?");
        }

        var total = buckets[^1].Count;
        string Bound(double p) => buckets.First(b => b.Count >= p * total).Le.ToString(CultureInfo.InvariantCulture);
        return (total, total == 0 ? "-" : Bound(0.5), total == 0 ? "-" : Bound(0.99));
    }

    private static List<(double Le, double Count)> Buckets(string metrics, string name)
    {
        var buckets = new List<(double Le, double Count)>();
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(name + "_bucket{le=\"", StringComparison.Ordinal))
            {
                var le = line[(name.Length + 12)..line.IndexOf('"', name.Length + 12)];
                var count = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                buckets.Add((le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture), count));
            }
        }

        return buckets;
    }
}
