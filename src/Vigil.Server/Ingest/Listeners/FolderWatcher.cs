using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>
/// Ingests the files dropped into <see cref="ServerOptions.WatchFolder"/>. The folder is listed every second (polling,
/// because file-system notifications are unreliable on network shares and containers); a file is taken once its size and
/// last write time are the same in two polls in a row. Files whose name starts with <c>.</c> or ends with <c>.tmp</c> or
/// <c>.part</c> are left alone, so a writer may write under such a name and rename when done. A taken file is journaled
/// with format <c>auto</c> and source <c>folder</c>, keyed by the SHA-256 of its content so that a file dropped again
/// (after a crash, or by mistake) is recognised and not journaled twice; once durable it is moved to <c>processed/</c>.
/// A file that cannot be read or is over the limits is moved to <c>failed/</c> with a <c>.error.txt</c> beside it. When
/// ingest refuses, the watcher waits and offers again: a folder can wait.
/// </summary>
internal sealed partial class FolderWatcher : BackgroundService
{
    private static readonly string[] IgnoredSuffixes = [".tmp", ".part", ".partial"];

    private readonly ServerOptions _options;
    private readonly IngestQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<FolderWatcher> _logger;
    private readonly WarningThrottle _pollWarning;
    private readonly WarningThrottle _refusedWarning;
    private readonly Dictionary<string, FileStamp> _leftAlone = new(StringComparer.Ordinal);
    private Dictionary<string, FileStamp> _previous = new(StringComparer.Ordinal);
    private long _processed;
    private long _duplicates;
    private long _failed;

    /// <summary>Initializes a new instance of the <see cref="FolderWatcher"/> class.</summary>
    /// <param name="options">The server settings; <see cref="ServerOptions.WatchFolder"/> must be set.</param>
    /// <param name="queue">Where batches go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public FolderWatcher(ServerOptions options, IngestQueue queue, TimeProvider time, ILogger<FolderWatcher> logger)
    {
        _options = options;
        _queue = queue;
        _time = time;
        _logger = logger;
        Folder = Path.GetFullPath(options.WatchFolder ?? throw new ArgumentException("No watch folder is set.", nameof(options)));
        _pollWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
        _refusedWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
    }

    /// <summary>Gets the watched folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Gets the number of files moved to <c>processed/</c> (journaled, found already journaled, or empty).</summary>
    public long FilesProcessed => Interlocked.Read(ref _processed);

    /// <summary>Gets the number of files found already journaled (dropped again) and moved to <c>processed/</c>.</summary>
    public long FilesDuplicate => Interlocked.Read(ref _duplicates);

    /// <summary>Gets the number of files moved to <c>failed/</c>.</summary>
    public long FilesFailed => Interlocked.Read(ref _failed);

    /// <summary>Gets the largest binary or whole-document file journaled (256 MiB; tests lower it).</summary>
    internal long MaxWholeFileBytes { get; init; } = ListenerConstants.MaxWholeFileBytes;

    /// <summary>Creates the folder if needed, then starts polling.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once polling has started.</returns>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        LogWatching(_logger, Folder);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Chooses the files to take: those seen in both polls with the same size and last write time. A file whose stamp
    /// changed, or that was not there at the previous poll, is still being written (or just arrived) and waits.
    /// </summary>
    /// <param name="previous">The files of the previous poll.</param>
    /// <param name="current">The files of this poll.</param>
    /// <returns>The paths to take, in ordinal order.</returns>
    internal static List<string> SelectStable(IReadOnlyDictionary<string, FileStamp> previous, IReadOnlyDictionary<string, FileStamp> current)
    {
        var stable = new List<string>();
        foreach (var (path, stamp) in current)
        {
            if (previous.TryGetValue(path, out var before) && before == stamp)
            {
                stable.Add(path);
            }
        }

        stable.Sort(StringComparer.Ordinal);
        return stable;
    }

    /// <summary>Lists the folder once and takes the files that are stable.</summary>
    /// <param name="cancellationToken">Stops the poll.</param>
    /// <returns>The number of files moved out of the folder (to <c>processed/</c> or <c>failed/</c>).</returns>
    internal async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var current = Scan();
        var stable = SelectStable(_previous, current);
        _previous = current;
        foreach (var path in _leftAlone.Keys.Where(p => !current.ContainsKey(p)).ToList())
        {
            _leftAlone.Remove(path);
        }

        var moved = 0;
        foreach (var path in stable)
        {
            var stamp = current[path];
            if (_leftAlone.TryGetValue(path, out var left) && left == stamp)
            {
                continue;
            }

            if (await TakeAsync(path, stamp, cancellationToken))
            {
                moved++;
                _previous.Remove(path);
            }
        }

        return moved;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ListenerConstants.PollInterval, _time);
        try
        {
            do
            {
                try
                {
                    await PollOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    if (_pollWarning.TryEnter())
                    {
                        LogPollFailed(_logger, ex, Folder);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a file being offered stays in the folder and is taken again at the next start.
        }
    }

    private static bool IsIgnored(string name)
        => name.StartsWith('.') || IgnoredSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, FileStamp> Scan()
    {
        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (!IsIgnored(file.Name))
            {
                files[file.FullName] = new FileStamp(file.Length, file.LastWriteTimeUtc);
            }
        }

        return files;
    }

    private async Task<bool> TakeAsync(string path, FileStamp stamp, CancellationToken cancellationToken)
    {
        var (outcome, detail) = await IngestFileAsync(path, stamp, cancellationToken);
        var name = Path.GetFileName(path);
        if (outcome == FileOutcome.Retry)
        {
            return false;
        }

        var failed = outcome == FileOutcome.Failed;
        string target;
        try
        {
            target = MoveAside(path, Path.Combine(Folder, failed ? ListenerConstants.FailedFolder : ListenerConstants.ProcessedFolder));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left where it is, and not tried again until it changes: retrying every second would only repeat this error.
            _leftAlone[path] = stamp;
            LogMoveFailed(_logger, ex, name, detail);
            return false;
        }

        if (!failed)
        {
            Interlocked.Increment(ref _processed);
            if (outcome == FileOutcome.Duplicate)
            {
                Interlocked.Increment(ref _duplicates);
            }

            LogTaken(_logger, name, detail, target);
            return true;
        }

        Interlocked.Increment(ref _failed);
        LogFailed(_logger, name, detail, target);
        try
        {
            await File.WriteAllTextAsync(
                target + ".error.txt", string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():O} {name}: {detail}\n"), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogErrorFileFailed(_logger, ex, name, detail);
        }

        return true;
    }

    private static string MoveAside(string path, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(path);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 0; ; n++)
        {
            var target = Path.Combine(folder, n switch
            {
                0 => name,
                < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}"),
                _ => $"{stem}-{Guid.NewGuid():N}{extension}",
            });
            if (File.Exists(target))
            {
                continue;
            }

            try
            {
                File.Move(path, target, overwrite: false);
                return target;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another file took the name between the check and the move: try the next suffix.
            }
        }
    }

    [LoggerMessage(EventId = 4230, Level = LogLevel.Information, Message = "Watching folder {Folder} for files to ingest")]
    private static partial void LogWatching(ILogger logger, string folder);

    [LoggerMessage(EventId = 4231, Level = LogLevel.Information, Message = "Watched file {Name} {Detail}; moved to {Target}")]
    private static partial void LogTaken(ILogger logger, string name, string detail, string target);

    [LoggerMessage(EventId = 4232, Level = LogLevel.Warning, Message = "Watched file {Name} not ingested: {Reason}; moved to {Target} (see its .error.txt)")]
    private static partial void LogFailed(ILogger logger, string name, string reason, string target);

    [LoggerMessage(EventId = 4233, Level = LogLevel.Error, Message = "Watched file {Name} ({Detail}) could not be moved out of the folder; it is left until it changes")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception, string name, string detail);

    [LoggerMessage(EventId = 4235, Level = LogLevel.Error, Message = "Writing the .error.txt of watched file {Name} failed; the reason was: {Reason}")]
    private static partial void LogErrorFileFailed(ILogger logger, Exception exception, string name, string reason);

    [LoggerMessage(EventId = 4234, Level = LogLevel.Warning, Message = "Listing the watched folder {Folder} failed; trying again (this warning shows at most once per 10 s)")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string folder);
}
