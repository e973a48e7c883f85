using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Audit;

namespace Vigil.Response.Tests.Audit;

public sealed class ResponseAuditLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-audit-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf => Path.Combine(_dir, "audit.db");

    private ResponseAuditLog OpenWith(int records)
    {
        var log = ResponseAuditLog.Open(PathOf, _time);
        for (var i = 1; i <= records; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            log.Append((AuditKind)(i % 8), $"user{i}", $"action-{i}", new JsonObject { ["n"] = i, ["why"] = $"reason {i}" });
        }

        return log;
    }

    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={PathOf};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS response_audit_no_update; DROP TRIGGER IF EXISTS response_audit_no_delete; " + sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Verify_ValidChain_IsIntactWithCountAndHead()
    {
        using var log = OpenWith(5);

        var report = log.Verify();

        report.IsValid.ShouldBeTrue();
        report.RecordCount.ShouldBe(5);
        report.HeadHash.ShouldBe(log.Read(4, 1)[0].Hash);
        report.BrokenSeq.ShouldBeNull();
    }

    [Fact]
    public void Append_FirstRecord_ChainsFromGenesisAndStampsTheClock()
    {
        using var log = ResponseAuditLog.Open(PathOf, _time);

        var record = log.Append(AuditKind.KillSwitch, "alice", "all", new JsonObject { ["b"] = 1, ["a"] = new JsonArray(2, 1) });

        record.Seq.ShouldBe(1);
        record.PrevHash.ShouldBe(AuditHashing.Genesis);
        record.Time.ShouldBe(_time.GetUtcNow());
        record.Body.ShouldBe("""{"a":[2,1],"b":1}""");
        record.Hash.ShouldBe(AuditHashing.ComputeHash(1, record.TimeMs, "kill_switch", "alice", "all", record.Body, AuditHashing.Genesis));
        log.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Verify_EmptyLog_IsIntactWithGenesisHead()
    {
        using var log = ResponseAuditLog.Open(PathOf, _time);

        var report = log.Verify();

        report.IsValid.ShouldBeTrue();
        report.RecordCount.ShouldBe(0);
        report.HeadHash.ShouldBe(AuditHashing.Genesis);
    }

    [Fact]
    public void Update_ThroughSql_IsRefusedByTheAppendOnlyTrigger()
    {
        using var log = OpenWith(2);
        using var connection = new SqliteConnection($"Data Source={PathOf};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM response_audit WHERE seq = 1;";

        Should.Throw<SqliteException>(() => command.ExecuteNonQuery()).Message.ShouldContain("append-only");
    }

    [Theory]
    [InlineData("time_ms = time_ms + 1", 1)]
    [InlineData("kind = 'approval'", 2)]
    [InlineData("actor = 'mallory'", 3)]
    [InlineData("subject = 'other'", 4)]
    [InlineData("body = '{\"n\":99}'", 5)]
    [InlineData("prev_hash = '" + "1111111111111111111111111111111111111111111111111111111111111111" + "'", 3)]
    [InlineData("hash = '" + "2222222222222222222222222222222222222222222222222222222222222222" + "'", 2)]
    public void Verify_AlteredColumn_ReportsAlteredAtThatSeq(string assignment, long seq)
    {
        using var log = OpenWith(5);
        Tamper($"UPDATE response_audit SET {assignment} WHERE seq = {seq};");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.Altered);
        report.BrokenSeq.ShouldBe(seq);
        report.RecordCount.ShouldBe(seq - 1);
        report.UnverifiableCount.ShouldBe(5 - (seq - 1));
    }

    [Fact]
    public void Verify_AlteredSeq_ReportsTheMissingSeqAsRemoved()
    {
        using var log = OpenWith(5);
        Tamper("UPDATE response_audit SET seq = 100 WHERE seq = 3;");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.Removed);
        report.BrokenSeq.ShouldBe(3);
        report.UnverifiableCount.ShouldBe(3);
    }

    [Fact]
    public void Verify_DeletedMiddleRecord_ReportsRemoved()
    {
        using var log = OpenWith(5);
        Tamper("DELETE FROM response_audit WHERE seq = 3;");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.Removed);
        report.BrokenSeq.ShouldBe(3);
        report.Reason.ShouldNotBeNull().ShouldContain("missing");
        report.RecordCount.ShouldBe(2);
        report.UnverifiableCount.ShouldBe(2);
    }

    [Fact]
    public void Verify_DeletedLastRecord_IsDetectedOnlyWithTheAnchor()
    {
        using var log = OpenWith(5);
        var anchor = log.Verify().HeadHash;
        Tamper("DELETE FROM response_audit WHERE seq = 5;");

        log.Verify().IsValid.ShouldBeTrue();
        var report = log.Verify(anchor);

        report.Break.ShouldBe(AuditBreak.Truncated);
        report.BrokenSeq.ShouldBe(5);
        report.RecordCount.ShouldBe(4);
    }

    [Fact]
    public void Verify_AnchorFollowedByLaterAppends_IsIntact()
    {
        using var log = OpenWith(3);
        var anchor = log.Verify().HeadHash;
        log.Append(AuditKind.Decision, "system", "a-4", null);

        log.Verify(anchor).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Verify_SwappedBodies_ReportsAlteredAtTheFirst()
    {
        using var log = OpenWith(5);
        Tamper("""
            UPDATE response_audit SET body = (SELECT body FROM response_audit WHERE seq = 4) || ' ' WHERE seq = 2;
            UPDATE response_audit SET body = (SELECT body FROM response_audit WHERE seq = 2) WHERE seq = 4;
            UPDATE response_audit SET body = rtrim(body) WHERE seq = 2;
            """);
        var bodies = log.Read(0, 10).Select(r => r.Body).ToList();
        bodies[1].ShouldContain("\"n\":4");
        bodies[3].ShouldContain("\"n\":4");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.Altered);
        report.BrokenSeq.ShouldBe(2);
    }

    [Fact]
    public void Verify_ForgedRecordWithValidOwnHashReplacingAMiddleOne_ReportsChainBrokenAtTheNext()
    {
        using var log = OpenWith(5);
        var prev = log.Read(1, 1)[0].Hash;
        var forgedHash = AuditHashing.ComputeHash(3, 1, "approval", "mallory", "action-3", "{}", prev);
        Tamper($"""
            DELETE FROM response_audit WHERE seq = 3;
            INSERT INTO response_audit VALUES (3, 1, 'approval', 'mallory', 'action-3', '{"{}"}', '{prev}', '{forgedHash}');
            """);

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.ChainBroken);
        report.BrokenSeq.ShouldBe(4);
        report.RecordCount.ShouldBe(3);
    }

    [Fact]
    public void Verify_ForgedRecordAppendedWithoutValidHash_ReportsAltered()
    {
        using var log = OpenWith(3);
        var head = log.Verify().HeadHash;
        Tamper($"INSERT INTO response_audit VALUES (4, 1, 'approval', 'mallory', 'x', '{{}}', '{head}', 'abc');");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.Altered);
        report.BrokenSeq.ShouldBe(4);
    }

    [Fact]
    public void Verify_ForgedRecordWithWrongPrevHash_ReportsChainBroken()
    {
        using var log = OpenWith(3);
        var hash = AuditHashing.ComputeHash(4, 1, "approval", "mallory", "x", "{}", AuditHashing.Genesis);
        Tamper($"INSERT INTO response_audit VALUES (4, 1, 'approval', 'mallory', 'x', '{{}}', '{AuditHashing.Genesis}', '{hash}');");

        var report = log.Verify();

        report.Break.ShouldBe(AuditBreak.ChainBroken);
        report.BrokenSeq.ShouldBe(4);
    }

    [Fact]
    public async Task Append_ConcurrentFromSeveralThreads_StillVerifies()
    {
        using var log = ResponseAuditLog.Open(PathOf, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                log.Append(AuditKind.ActionAttempt, $"worker{t}", $"a-{t}-{i}", new JsonObject { ["i"] = i });
            }
        })));

        var report = log.Verify();
        report.IsValid.ShouldBeTrue(report.Reason);
        report.RecordCount.ShouldBe(240);
    }

    [Fact]
    public void Reopen_ContinuesTheChain()
    {
        using (var first = OpenWith(2))
        {
            first.Verify().RecordCount.ShouldBe(2);
        }

        using var log = ResponseAuditLog.Open(PathOf, _time);
        log.Append(AuditKind.Escalation, "system", "a-3", null).Seq.ShouldBe(3);
        log.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ExportJsonLines_WritesOneObjectPerLineWithHashes()
    {
        using var log = OpenWith(3);
        using var writer = new StringWriter();

        log.ExportJsonLines(writer).ShouldBe(3);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        var records = log.Read(0, 10);
        for (var i = 0; i < 3; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            root.GetProperty("seq").GetInt64().ShouldBe(i + 1);
            root.GetProperty("hash").GetString().ShouldBe(records[i].Hash);
            root.GetProperty("prev_hash").GetString().ShouldBe(records[i].PrevHash);
            root.GetProperty("kind").GetString().ShouldBe(AuditKindNames.ToName(records[i].Kind));
            root.GetProperty("body").GetProperty("n").GetInt32().ShouldBe(i + 1);
            root.GetProperty("time").GetString().ShouldEndWith("Z");
        }
    }

    [Fact]
    public void Read_AfterAndLimit_Page()
    {
        using var log = OpenWith(5);

        log.Read(2, 2).Select(r => r.Seq).ShouldBe([3L, 4L]);
        log.Read(5, 10).ShouldBeEmpty();
    }

    [Fact]
    public void AuditKindNames_RoundTripEveryKind()
    {
        foreach (var kind in Enum.GetValues<AuditKind>())
        {
            AuditKindNames.TryParse(AuditKindNames.ToName(kind), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(kind);
        }

        AuditKindNames.ToName(AuditKind.ActionOutcome).ShouldBe("action_outcome");
    }
}
