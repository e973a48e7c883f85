using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// IBM QRadar LEEF 1.0 and 2.0 lines, bare or after a syslog header. The event time is <c>devTime</c> (read with
/// <c>devTimeFormat</c> when given), else the syslog header time. See docs/formats-text.md.
/// </summary>
internal sealed class LeefFormat : SyslogFramedFormat
{
    /// <summary>Creates the format with the system clock and UTC for times without a zone.</summary>
    public LeefFormat()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone (default: UTC).</param>
    public LeefFormat(TimeProvider timeProvider, TimeSpan defaultOffset = default)
        : base(timeProvider, defaultOffset)
    {
    }

    /// <inheritdoc />
    protected override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header)
        => new LeefLineParser(source, record, schema, handler, errors, header);
}
