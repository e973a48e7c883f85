using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources.Json;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Sources;

/// <summary>
/// An event file read lazily: opened, decompressed and format-detected when enumeration starts, then split into batches by
/// the reader of its format. An unreadable file, or one that fails part way (truncated gzip, I/O error), is reported as a
/// read error; the batches before the failure are kept.
/// </summary>
internal sealed class FileEventSource(string path, EventFileFormat format, Func<InputFile>? open = null) : IEventSource
{
    /// <inheritdoc />
    public string Name { get; } = path;

    /// <inheritdoc />
    public IEnumerable<EventBatch> ReadBatches(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Read(errors, cancellationToken);
    }

    private IEnumerable<EventBatch> Read(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        using var input = OpenInput(errors);
        if (input is null)
        {
            yield break;
        }

        var reader = CreateReader(input, errors);
        if (reader is not null)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = reader.ReadNext(errors, cancellationToken);
                if (batch is null)
                {
                    break;
                }

                yield return batch;
            }
        }

        if (input.Failure is not null)
        {
            var line = reader?.CurrentLine ?? 1;
            errors.OnError(new ReadError(Name, line, string.Create(
                CultureInfo.InvariantCulture, $"cannot read past line {line}, the rest of the file is lost: {input.Failure}")));
        }
    }

    private InputFile? OpenInput(IReadErrorSink errors)
    {
        try
        {
            return open is null ? InputFile.Open(Name) : open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.OnError(new ReadError(Name, 0, $"cannot open: {ex.Message}"));
            return null;
        }
    }

    private IBatchReader? CreateReader(InputFile input, IReadErrorSink errors)
    {
        var actual = format;
        if (actual == EventFileFormat.Auto)
        {
            var head = input.Peek(SourceLimits.SniffBytes);
            if (!FormatDetector.TryDetect(head, head.Length < SourceLimits.SniffBytes, out actual, out var reason))
            {
                errors.OnError(new ReadError(Name, 0, reason));
                return null;
            }
        }

        return actual switch
        {
            EventFileFormat.Ndjson => new LineBatchReader(Name, input, NdjsonFormat.Instance),
            EventFileFormat.JsonArray or EventFileFormat.JsonConcatenated or EventFileFormat.CloudTrail => new JsonStreamBatchReader(Name, input),
            EventFileFormat.Evtx => new Formats.Windows.EvtxBatchReader(Name, input),
            EventFileFormat.WindowsXml => new Formats.Windows.WindowsXmlBatchReader(Name, input),
            EventFileFormat.Syslog => new LineBatchReader(Name, input, new Formats.Syslog.SyslogFormat()),
            EventFileFormat.Cef => new LineBatchReader(Name, input, new Formats.Cef.CefFormat()),
            EventFileFormat.Leef => new LineBatchReader(Name, input, new Formats.Cef.LeefFormat()),
            EventFileFormat.Auditd => new LineBatchReader(Name, input, new Formats.Auditd.AuditdFormat()),
            EventFileFormat.ZeekTsv => new LineBatchReader(Name, input, new Formats.Zeek.ZeekTsvFormat()),
            _ => throw new InvalidOperationException($"no reader for format {actual}"),
        };
    }
}
