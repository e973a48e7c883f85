using Microsoft.Data.Sqlite;
using Vigil.Core.Alerts;
using Vigil.Storage.Embedded;

namespace Vigil.Storage.Embedded.Tests;

public sealed class EmbeddedAlertStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-store-" + Guid.NewGuid().ToString("N"));

    public EmbeddedAlertStoreTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Db => Path.Combine(_dir, "vigil.db");

    private static StoredAlert Alert(string id, string severity = "high", int minutes = 0, string detector = "model:failed-logons", params string[] entities)
        => new(id, detector, "title " + id, severity, Start.AddMinutes(minutes), ["T1110.003"], entities.Length == 0 ? ["jdoe", "DC01"] : entities, "{\"id\":\"" + id + "\"}");

    [Fact]
    public void Append_SameAlertTwice_StoresItOnce()
    {
        var store = EmbeddedAlertStore.Open(Db);

        store.Append([Alert("a"), Alert("b")]).ShouldBe(2);
        store.Append([Alert("a"), Alert("c")]).ShouldBe(1);

        store.Query(new AlertQuery()).Select(a => a.Id).ShouldBe(["a", "b", "c"], ignoreOrder: true);
    }

    [Fact]
    public void Append_ThenReopen_AlertsAreStillThere()
    {
        EmbeddedAlertStore.Open(Db).Append([Alert("a", minutes: 5)]);
        SqliteConnection.ClearAllPools();

        var alert = EmbeddedAlertStore.Open(Db).Query(new AlertQuery()).ShouldHaveSingleItem();

        alert.Time.ShouldBe(Start.AddMinutes(5));
        alert.Techniques.ShouldBe(["T1110.003"]);
        alert.Entities.ShouldBe(["jdoe", "DC01"]);
        alert.Json.ShouldBe("{\"id\":\"a\"}");
    }

    [Fact]
    public void Query_Filters_ByTimeSeverityDetectorAndEntity_NewestFirst()
    {
        var store = EmbeddedAlertStore.Open(Db);
        store.Append([
            Alert("old", "critical", minutes: 0),
            Alert("low", "low", minutes: 10),
            Alert("other", "high", minutes: 20, detector: "rule:x", entities: ["asmith"]),
            Alert("new", "medium", minutes: 30),
        ]);

        store.Query(new AlertQuery()).Select(a => a.Id).ShouldBe(["new", "other", "low", "old"]);
        store.Query(new AlertQuery { MinimumSeverity = "medium" }).Select(a => a.Id).ShouldBe(["new", "other", "old"]);
        store.Query(new AlertQuery { From = Start.AddMinutes(10), To = Start.AddMinutes(30) }).Select(a => a.Id).ShouldBe(["other", "low"]);
        store.Query(new AlertQuery { Detector = "rule:x" }).Select(a => a.Id).ShouldBe(["other"]);
        store.Query(new AlertQuery { Entity = "JDOE" }).Select(a => a.Id).ShouldBe(["new", "low", "old"]);
        store.Query(new AlertQuery { Limit = 1 }).Select(a => a.Id).ShouldBe(["new"]);
    }

    [Fact]
    public void TryRecordBatch_Retry_IsRecognised()
    {
        var store = EmbeddedAlertStore.Open(Db);

        store.TryRecordBatch("batch-1").ShouldBeTrue();
        store.TryRecordBatch("batch-2").ShouldBeTrue();
        store.TryRecordBatch("batch-1").ShouldBeFalse();
    }

    [Fact]
    public void Append_FromSeveralThreads_LosesNothing()
    {
        var store = EmbeddedAlertStore.Open(Db);

        Parallel.For(0, 8, t => store.Append([.. Enumerable.Range(0, 50).Select(i => Alert($"t{t}-{i}", minutes: i))]));

        store.Query(new AlertQuery { Limit = 10_000 }).Count.ShouldBe(400);
    }

    [Fact]
    public void Append_BadSeverity_IsRefusedAndNothingIsStored()
    {
        var store = EmbeddedAlertStore.Open(Db);

        Should.Throw<ArgumentException>(() => store.Append([Alert("a"), Alert("b", severity: "urgent")])).Message.ShouldContain("'b'");

        store.Query(new AlertQuery()).ShouldBeEmpty();
    }

    [Fact]
    public void Open_NotADatabase_FailsNamingTheFile()
    {
        File.WriteAllText(Db, "this is not sqlite, just text long enough to fill a header page ......................................");

        var error = Should.Throw<EmbeddedStoreException>(() => EmbeddedAlertStore.Open(Db));

        error.Message.ShouldStartWith(Db + ": cannot open the store");
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        EmbeddedAlertStore.Open(Db);
        using (var connection = new SqliteConnection("Data Source=" + Db))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        Should.Throw<EmbeddedStoreException>(() => EmbeddedAlertStore.Open(Db)).Message.ShouldContain("schema version 7, newer than this Vigil's 1");
    }
}
