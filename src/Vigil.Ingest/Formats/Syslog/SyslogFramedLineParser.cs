using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// What the parsers of syslog-framed formats (CEF, LEEF) share: where events and errors go, the syslog header parser of
/// the batch, and a reusable buffer for the decoded line. Every line is a whole event, so nothing is pending at the end
/// of a batch. One instance per batch.
/// </summary>
internal abstract class SyslogFramedLineParser : ILineParser
{
    /// <summary>Creates the parser.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    /// <param name="header">Reads syslog headers and holds the time settings.</param>
    protected SyslogFramedLineParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header)
    {
        Source = source;
        Record = record ?? throw new ArgumentNullException(nameof(record));
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        Header = header;
    }

    /// <summary>Gets the input name.</summary>
    protected string Source { get; }

    /// <summary>Gets the scratch record.</summary>
    protected EventRecord Record { get; }

    /// <summary>Gets the schema.</summary>
    protected EventSchema Schema { get; }

    /// <summary>Gets the receiver of events.</summary>
    protected IEventHandler Handler { get; }

    /// <summary>Gets the receiver of malformed lines.</summary>
    protected IReadErrorSink Errors { get; }

    /// <summary>Gets the syslog header parser of this batch.</summary>
    protected SyslogHeaderParser Header { get; }

    /// <summary>Gets the buffer the line is decoded into.</summary>
    protected TextScratch Line { get; } = new();

    /// <inheritdoc />
    public abstract void ParseLine(ReadOnlySpan<byte> line, long lineNumber);

    /// <inheritdoc />
    public void Flush()
    {
        // Every line is a whole event: nothing is pending.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the buffers are managed.
    }
}
