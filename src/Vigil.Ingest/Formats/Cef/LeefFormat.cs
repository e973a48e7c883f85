using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// IBM QRadar LEEF 1.0 and 2.0 lines, bare or after a syslog header. The event time is <c>devTime</c> (read with
/// <c>devTimeFormat</c> when given), else the syslog header time. See docs/formats-text.md.
/// </summary>
internal sealed class LeefFormat : LineFormat
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _defaultOffset;

    /// <summary>Creates the format with the system clock and UTC for times without a zone.</summary>
    public LeefFormat()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone (default: UTC).</param>
    public LeefFormat(TimeProvider timeProvider, TimeSpan defaultOffset = default)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _defaultOffset = defaultOffset;
    }

    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => new LeefLineParser(source, record, schema, handler, errors, new SyslogHeaderParser(_timeProvider.GetUtcNow(), _defaultOffset));
}
