using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// ArcSight Common Event Format lines, bare or after a syslog header. The event time is the first of the extension keys
/// <c>rt</c>, <c>end</c>, <c>start</c> that parses, else the syslog header time. See docs/formats-text.md.
/// </summary>
internal sealed class CefFormat : SyslogFramedFormat
{
    /// <summary>Creates the format with the system clock and UTC for times without a zone.</summary>
    public CefFormat()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone (default: UTC).</param>
    public CefFormat(TimeProvider timeProvider, TimeSpan defaultOffset = default)
        : base(timeProvider, defaultOffset)
    {
    }

    /// <inheritdoc />
    protected override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header)
        => new CefLineParser(source, record, schema, handler, errors, header);
}
