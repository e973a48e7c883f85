using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// A line format whose lines may carry a syslog header (syslog itself, CEF, LEEF): holds the clock that year-less RFC 3164
/// times are placed near and the offset of times written without a zone, and gives each batch's parser a header parser
/// set from them.
/// </summary>
internal abstract class SyslogFramedFormat : LineFormat
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _defaultOffset;

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone.</param>
    protected SyslogFramedFormat(TimeProvider timeProvider, TimeSpan defaultOffset)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _defaultOffset = defaultOffset;
    }

    /// <inheritdoc />
    public sealed override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => CreateParser(source, record, schema, handler, errors, new SyslogHeaderParser(_timeProvider.GetUtcNow(), _defaultOffset));

    /// <summary>Creates the parser of one batch.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="record">The scratch record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    /// <param name="header">Reads syslog headers, with this batch's time settings.</param>
    /// <returns>The parser.</returns>
    protected abstract ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header);
}
