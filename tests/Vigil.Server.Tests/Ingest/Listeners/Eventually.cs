using System.Diagnostics;
using System.Text;
using Vigil.Server.Pipeline;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Ingest.Listeners;

/// <summary>Bounded waits for the listener tests: poll a condition until a deadline, then fail saying what was awaited.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the server's journal holds at least <paramref name="lines"/> non-empty lines, and returns its batches.</summary>
    public static async Task<IReadOnlyList<JournalBatch>> JournalLinesAsync(ServerHarness server, int lines, TimeSpan? timeout = null)
    {
        var store = ServerStore.Open(server.Options.DatabasePath);
        IReadOnlyList<JournalBatch> batches = [];
        await UntilAsync(() => Lines(batches = store.ReadJournal(0, 10_000, long.MaxValue)).Count >= lines, $"{lines} journaled lines", timeout);
        return batches;
    }

    public static IReadOnlyList<string> Lines(IEnumerable<JournalBatch> batches)
        => [.. batches.SelectMany(b => Encoding.UTF8.GetString(b.Payload.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))];
}
