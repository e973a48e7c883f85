using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Vigil.Server.Storage;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>Reading one watched file into batches: hashing, classifying, splitting at line boundaries, offering.</summary>
internal sealed partial class FolderWatcher
{
    private const int HashBufferBytes = 1 << 20;

    /// <summary>What became of a taken file.</summary>
    private enum FileOutcome
    {
        /// <summary>Journaled (durable): to <c>processed/</c>.</summary>
        Journaled,

        /// <summary>Every batch was already journaled: to <c>processed/</c>.</summary>
        Duplicate,

        /// <summary>Nothing to journal: to <c>processed/</c>.</summary>
        Empty,

        /// <summary>Unreadable or over the limits: to <c>failed/</c>.</summary>
        Failed,

        /// <summary>Left in the folder and tried again at a later poll (still open, changed, journal failure, stopping).</summary>
        Retry,
    }

    private async Task<(FileOutcome Outcome, string Detail)> IngestFileAsync(string path, FileStamp stamp, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException ex)
        {
            return (FileOutcome.Failed, "it cannot be opened: " + ex.Message);
        }
        catch (IOException)
        {
            // Gone, or locked by the program still writing it: looked at again at the next poll.
            return (FileOutcome.Retry, "it could not be opened");
        }

        await using (stream)
        {
            try
            {
                return await IngestStreamAsync(stream, stamp, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                return (FileOutcome.Failed, "reading it failed: " + ex.Message);
            }
        }
    }

    private async Task<(FileOutcome Outcome, string Detail)> IngestStreamAsync(FileStream stream, FileStamp stamp, CancellationToken cancellationToken)
    {
        var (hash, longestLine) = await HashAsync(stream, cancellationToken);
        var length = stream.Length;
        if (length != stamp.Length)
        {
            return (FileOutcome.Retry, "it changed while being read");
        }

        if (length == 0)
        {
            return (FileOutcome.Empty, "is empty");
        }

        stream.Position = 0;
        var head = new byte[Math.Min(length, WatchedFiles.HeadBytes)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        stream.Position = 0;
        var kind = WatchedFiles.Classify(head, head.Length == length, out var description);
        if (kind != WatchedFileKind.Lines)
        {
            if (length > MaxWholeFileBytes)
            {
                return (FileOutcome.Failed, string.Create(CultureInfo.InvariantCulture,
                    $"it is a {description} file of {length} bytes, over the {MaxWholeFileBytes}-byte limit for files that cannot be split at line boundaries"));
            }

            return await JournalAsync(WholeAsync(stream, length, kind, cancellationToken), hash, split: false, description, cancellationToken);
        }

        if (length <= _options.MaxBodyBytes)
        {
            return await JournalAsync(WholeAsync(stream, length, kind, cancellationToken), hash, split: false, description, cancellationToken);
        }

        var header = WatchedFiles.HeaderLength(head);
        if (header > _options.MaxBodyBytes / 2)
        {
            header = 0;
        }

        if (longestLine + header > _options.MaxBodyBytes)
        {
            return (FileOutcome.Failed, string.Create(CultureInfo.InvariantCulture,
                $"it is larger than the {_options.MaxBodyBytes}-byte batch limit and has a line of {longestLine} bytes, so it cannot be split at line boundaries"));
        }

        return await JournalAsync(SplitAsync(stream, header, cancellationToken), hash, split: true, description, cancellationToken);
    }

    private async Task<(FileOutcome Outcome, string Detail)> JournalAsync(
        IAsyncEnumerable<(byte[] Payload, int Events)> parts, string hash, bool split, string description, CancellationToken cancellationToken)
    {
        var durables = new List<Task<(long Sequence, bool Duplicate)>>();
        long events = 0;
        var part = 0;
        await foreach (var (payload, count) in parts)
        {
            part++;
            if (count == 0)
            {
                continue;
            }

            var key = split ? string.Create(CultureInfo.InvariantCulture, $"file:{hash}:{part}") : "file:" + hash;
            var batch = new IncomingBatch(ListenerConstants.FolderSource, ListenerConstants.FolderFormat, key, count, _time.GetUtcNow(), payload);
            if (await OfferAsync(batch, cancellationToken) is not { } durable)
            {
                return (FileOutcome.Retry, "the server is stopping");
            }

            durables.Add(durable);
            events += count;
        }

        if (durables.Count == 0)
        {
            return (FileOutcome.Empty, "holds no records");
        }

        (long Sequence, bool Duplicate)[] results;
        try
        {
            results = await Task.WhenAll(durables).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogJournalFailed(_logger, ex);
            return (FileOutcome.Retry, "the journal write failed");
        }

        var duplicates = results.Count(r => r.Duplicate);
        return duplicates == results.Length
            ? (FileOutcome.Duplicate, "was already journaled (dropped again)")
            : (FileOutcome.Journaled, string.Create(CultureInfo.InvariantCulture,
                $"({description}) was journaled: {results.Length} batches, about {events} records{(duplicates > 0 ? $", {duplicates} batches already journaled" : "")}"));
    }

    private async Task<Task<(long Sequence, bool Duplicate)>?> OfferAsync(IncomingBatch batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (outcome, durable) = _queue.Offer(batch);
            if (durable is not null || outcome == IngestOutcome.Stopping)
            {
                return durable;
            }

            if (_refusedWarning.TryEnter())
            {
                LogRefused(_logger, outcome);
            }

            await Task.Delay(ListenerConstants.PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>Hashes the content and measures its longest line (with its LF), in one pass.</summary>
    private static async Task<(string Hash, long LongestLine)> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[HashBufferBytes];
        long line = 0;
        long longest = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            (line, longest) = MeasureLines(buffer.AsSpan(0, read), line, longest);
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), Math.Max(longest, line));
    }

    private static (long Line, long Longest) MeasureLines(ReadOnlySpan<byte> chunk, long line, long longest)
    {
        int at;
        while ((at = chunk.IndexOf((byte)'\n')) >= 0)
        {
            longest = Math.Max(longest, line + at + 1);
            line = 0;
            chunk = chunk[(at + 1)..];
        }

        return (line + chunk.Length, longest);
    }

    private static async IAsyncEnumerable<(byte[] Payload, int Events)> WholeAsync(
        Stream stream, long length, WatchedFileKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = new byte[length];
        await stream.ReadExactlyAsync(content, cancellationToken);

        // A binary file's records cannot be counted without reading it: about one per 256 bytes (EVTX records, compressed lines).
        yield return (content, kind switch
        {
            WatchedFileKind.Binary => (int)Math.Clamp(length / 256, 1, int.MaxValue),
            WatchedFileKind.Document => Math.Max(1, HecPayload.CountLines(content)),
            _ => HecPayload.CountLines(content),
        });
    }

    /// <summary>
    /// Cuts a line-oriented file into parts of at most <c>MaxBodyBytes</c>, each ending at a line boundary; the comment
    /// lines the file starts with (a Zeek header) are repeated at the top of every later part.
    /// </summary>
    private async IAsyncEnumerable<(byte[] Payload, int Events)> SplitAsync(Stream stream, int headerLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(_options.MaxBodyBytes, Array.MaxLength);
        var buffer = new byte[limit];
        byte[] header = [];
        var filled = 0;
        var end = false;
        while (true)
        {
            var capacity = limit - header.Length;
            while (!end && filled < capacity)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled, capacity - filled), cancellationToken);
                end = read == 0;
                filled += read;
            }

            if (filled == 0)
            {
                yield break;
            }

            var last = end && filled <= capacity;
            var cut = last ? filled : buffer.AsSpan(0, Math.Min(filled, capacity)).LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                throw new InvalidDataException("a line grew longer than the batch limit while the file was read");
            }

            var first = header.Length == 0;
            yield return Part(header, buffer, cut, first ? Math.Min(headerLength, cut) : 0);
            if (first && headerLength > 0)
            {
                header = buffer[..Math.Min(headerLength, cut)];
            }

            buffer.AsSpan(cut, filled - cut).CopyTo(buffer);
            filled -= cut;
            if (last)
            {
                yield break;
            }
        }
    }

    /// <summary>A part: the repeated header, then the first <paramref name="length"/> bytes of the buffer; its own header lines are not counted as events.</summary>
    private static (byte[] Payload, int Events) Part(byte[] header, byte[] buffer, int length, int ownHeader)
    {
        var payload = new byte[header.Length + length];
        header.CopyTo(payload, 0);
        buffer.AsSpan(0, length).CopyTo(payload.AsSpan(header.Length));
        return (payload, HecPayload.CountLines(buffer.AsSpan(ownHeader, length - ownHeader)));
    }

    [LoggerMessage(EventId = 4236, Level = LogLevel.Information, Message = "Ingest refused a watched file's batch ({Outcome}); waiting and offering it again (this message shows at most once per 10 s)")]
    private static partial void LogRefused(ILogger logger, IngestOutcome outcome);

    [LoggerMessage(EventId = 4237, Level = LogLevel.Warning, Message = "The journal write of a watched file failed; the file stays in the folder and is taken again at the next poll")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception);
}
