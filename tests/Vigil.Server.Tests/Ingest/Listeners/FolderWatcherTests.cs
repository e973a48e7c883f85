using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest.Listeners;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Ingest.Listeners;

public sealed class FolderWatcherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-watch-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>Writes a file under a dot-name (ignored by the watcher) and renames it into place, as a careful writer does.</summary>
    private static void Drop(string folder, string name, byte[] content)
    {
        var temporary = Path.Combine(folder, "." + name);
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, Path.Combine(folder, name));
    }

    private FolderWatcher Watcher(QueueDrain drain, ServerOptions options, long maxWholeFileBytes = 256L << 20)
        => new(options with { WatchFolder = _folder }, drain.Queue, TimeProvider.System, NullLogger<FolderWatcher>.Instance) { MaxWholeFileBytes = maxWholeFileBytes };

    private static ServerOptions Options => new() { DatabasePath = "unused.db" };

    [Fact]
    public async Task Poll_DroppedFile_IsJournaledOnceMovedToProcessed_AndADropAgainIsADuplicate()
    {
        var serverFolder = Path.Combine(_folder, "server");
        var watch = Path.Combine(_folder, "watch");
        await using var server = await ServerHarness.StartAsync(o => o with { WatchFolder = watch }, folder: serverFolder);
        var watcher = server.App.Services.GetRequiredService<FolderWatcher>();
        var content = "{\"user\":\"jdoe\"}\n{\"user\":\"asmith\"}\n"u8.ToArray();

        Drop(watch, "events.ndjson", content);
        await Eventually.UntilAsync(() => File.Exists(Path.Combine(watch, "processed", "events.ndjson")), "the file to be moved to processed/");

        var batch = ServerStore.Open(server.Options.DatabasePath).ReadJournal(0, 100, long.MaxValue).ShouldHaveSingleItem();
        batch.Source.ShouldBe("folder");
        batch.Format.ShouldBe("auto");
        batch.Payload.ToArray().ShouldBe(content);
        File.Exists(Path.Combine(watch, "events.ndjson")).ShouldBeFalse();

        Drop(watch, "events.ndjson", content);
        await Eventually.UntilAsync(() => File.Exists(Path.Combine(watch, "processed", "events-1.ndjson")), "the file dropped again to be moved to processed/");

        watcher.FilesDuplicate.ShouldBe(1);
        ServerStore.Open(server.Options.DatabasePath).ReadJournal(0, 100, long.MaxValue).Count.ShouldBe(1);
    }

    [Fact]
    public void SelectStable_OnlyFilesUnchangedSinceThePreviousPoll_AreTaken()
    {
        var t = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var previous = new Dictionary<string, FileStamp>(StringComparer.Ordinal)
        {
            ["/w/same"] = new(10, t),
            ["/w/grew"] = new(10, t),
            ["/w/touched"] = new(10, t),
        };
        var current = new Dictionary<string, FileStamp>(StringComparer.Ordinal)
        {
            ["/w/same"] = new(10, t),
            ["/w/grew"] = new(20, t),
            ["/w/touched"] = new(10, t.AddSeconds(1)),
            ["/w/new"] = new(10, t),
        };

        FolderWatcher.SelectStable(previous, current).ShouldBe(["/w/same"]);
    }

    [Fact]
    public async Task PollOnce_FileGrowingBetweenPolls_IsTakenOnlyOnceItStopsChanging()
    {
        await using var drain = new QueueDrain(Options);
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, Options);
        var path = Path.Combine(_folder, "growing.log");
        await File.WriteAllTextAsync(path, "<13>Jan  1 00:00:00 h app: one\n");

        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(0);
        await File.AppendAllTextAsync(path, "<13>Jan  1 00:00:01 h app: two\n");
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(0);
        drain.Batches.ShouldBeEmpty();
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(1);

        drain.Batches.ShouldHaveSingleItem().EstimatedEvents.ShouldBe(2);
        File.Exists(Path.Combine(_folder, "processed", "growing.log")).ShouldBeTrue();
    }

    [Fact]
    public async Task PollOnce_OversizedBinary_IsMovedToFailedWithTheReason()
    {
        await using var drain = new QueueDrain(Options);
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, Options, maxWholeFileBytes: 64);
        Drop(_folder, "big.gz", [0x1f, 0x8b, .. new byte[200]]);

        await watcher.PollOnceAsync(CancellationToken.None);
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(1);

        drain.Batches.ShouldBeEmpty();
        watcher.FilesFailed.ShouldBe(1);
        File.Exists(Path.Combine(_folder, "failed", "big.gz")).ShouldBeTrue();
        var reason = await File.ReadAllTextAsync(Path.Combine(_folder, "failed", "big.gz.error.txt"));
        reason.ShouldContain("gzip file of 202 bytes, over the 64-byte limit");
    }

    [Fact]
    public async Task PollOnce_SmallBinary_IsOneBatchKeyedByItsHash()
    {
        await using var drain = new QueueDrain(Options with { MaxBodyBytes = 64 });
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, Options with { MaxBodyBytes = 64 });
        byte[] content = [.. "ElfFile\0"u8, .. new byte[500]];
        Drop(_folder, "Security.evtx", content);

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        var batch = drain.Batches.ShouldHaveSingleItem();
        batch.IdempotencyKey.ShouldBe("file:" + Convert.ToHexStringLower(SHA256.HashData(content)));
        batch.Payload.Length.ShouldBe(content.Length);
    }

    [Fact]
    public async Task PollOnce_TextLargerThanMaxBody_IsSplitAtLinesWithItsHeaderRepeated()
    {
        var options = Options with { MaxBodyBytes = 100 };
        await using var drain = new QueueDrain(options);
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, options);
        var header = "#separator \\x09\n#fields\tts\tuid\n";
        var rows = Enumerable.Range(0, 20).Select(i => $"{i:D4}\tC{i:D6}").ToList();
        var content = Encoding.UTF8.GetBytes(header + string.Concat(rows.Select(r => r + "\n")));
        Drop(_folder, "conn.log", content);

        await watcher.PollOnceAsync(CancellationToken.None);
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(1);

        var batches = drain.Batches;
        batches.Count.ShouldBeGreaterThan(2);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        batches.Select(b => b.IdempotencyKey).ShouldBe(batches.Select((_, i) => $"file:{hash}:{i + 1}"));
        var texts = batches.Select(b => Encoding.UTF8.GetString(b.Payload.Span)).ToList();
        texts.ShouldAllBe(t => t.StartsWith(header, StringComparison.Ordinal) && t.EndsWith('\n') && t.Length <= 100);
        texts.SelectMany(t => t[header.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(rows);
        batches.Sum(b => b.EstimatedEvents).ShouldBe(20);
    }

    [Fact]
    public async Task PollOnce_LineLongerThanMaxBody_IsMovedToFailedWithoutJournalingAnyPart()
    {
        var options = Options with { MaxBodyBytes = 100 };
        await using var drain = new QueueDrain(options);
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, options);
        Drop(_folder, "long.log", Encoding.UTF8.GetBytes("<13>short\n" + new string('x', 150) + "\n<13>short\n"));

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        drain.Batches.ShouldBeEmpty();
        (await File.ReadAllTextAsync(Path.Combine(_folder, "failed", "long.log.error.txt"))).ShouldContain("has a line of 151 bytes");
    }

    [Fact]
    public async Task PollOnce_IgnoredNamesAndSubfolders_AreLeftAlone()
    {
        await using var drain = new QueueDrain(Options);
        Directory.CreateDirectory(Path.Combine(_folder, "processed"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "processed", "old.log"), "<13>old\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "upload.tmp"), "<13>partial\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, ".hidden"), "<13>hidden\n");
        var watcher = Watcher(drain, Options);

        await watcher.PollOnceAsync(CancellationToken.None);
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(0);

        drain.Batches.ShouldBeEmpty();
        File.Exists(Path.Combine(_folder, "upload.tmp")).ShouldBeTrue();
    }

    [Fact]
    public async Task PollOnce_BlankFile_IsMovedToProcessedWithNothingJournaled()
    {
        await using var drain = new QueueDrain(Options);
        Directory.CreateDirectory(_folder);
        var watcher = Watcher(drain, Options);
        Drop(_folder, "blank.log", "\n  \n"u8.ToArray());

        await watcher.PollOnceAsync(CancellationToken.None);
        (await watcher.PollOnceAsync(CancellationToken.None)).ShouldBe(1);

        drain.Batches.ShouldBeEmpty();
        File.Exists(Path.Combine(_folder, "processed", "blank.log")).ShouldBeTrue();
    }
}
