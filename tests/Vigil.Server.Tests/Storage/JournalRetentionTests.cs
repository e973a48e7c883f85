using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Incidents;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Storage;

public sealed class JournalRetentionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-server-tests", Guid.NewGuid().ToString("N"));

    public JournalRetentionTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void PruneJournal_EmptiesOldDetectedPayloads_KeepsKeysAndUndetectedBatches()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var store = ServerStore.Open(Path.Combine(_folder, "vigil.db"), time);
        IncomingBatch Batch(string key) => new("http", "ndjson", key, 1, time.GetUtcNow(), Encoding.UTF8.GetBytes("{\"k\":\"" + key + "\"}\n"));

        store.AppendJournal([Batch("old")]);
        time.Advance(TimeSpan.FromDays(1));
        store.AppendJournal([Batch("middle")]);
        time.Advance(TimeSpan.FromDays(7));
        store.AppendJournal([Batch("recent-undetected")]);
        store.CommitDetections(2, [], new IncidentSettings(), new AlertThrottle());
        time.Advance(TimeSpan.FromHours(1));

        var (batches, bytes) = store.PruneJournal(time.GetUtcNow() - TimeSpan.FromDays(7));

        batches.ShouldBe(2);
        bytes.ShouldBeGreaterThan(0);
        var journal = store.ReadJournal(0, 10, 100);
        journal.Select(b => b.Payload.Length).ShouldBe([0, 0, Encoding.UTF8.GetByteCount("{\"k\":\"recent-undetected\"}\n")]);
        store.AppendJournal([Batch("old")]).ShouldHaveSingleItem().Duplicate.ShouldBeTrue("the idempotency key outlives the payload");
        store.PruneJournal(time.GetUtcNow() - TimeSpan.FromDays(7)).Batches.ShouldBe(0, "pruning twice empties nothing more");
    }
}
