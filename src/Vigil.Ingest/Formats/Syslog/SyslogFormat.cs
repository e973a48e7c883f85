using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Syslog;

/// <summary>
/// Syslog lines, RFC 5424 and RFC 3164 (BSD), told apart per line. RFC 3164 times carry no year: each batch places them
/// in the year that puts them at most 31 days after the time of the <see cref="TimeProvider"/> when the batch is parsed.
/// Times without a zone (all of RFC 3164) are taken at the default offset, UTC unless given. See docs/formats-text.md.
/// </summary>
internal sealed class SyslogFormat : SyslogFramedFormat
{
    /// <summary>Creates the format with the system clock and UTC for times without a zone.</summary>
    public SyslogFormat()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone (default: UTC).</param>
    public SyslogFormat(TimeProvider timeProvider, TimeSpan defaultOffset = default)
        : base(timeProvider, defaultOffset)
    {
    }

    /// <inheritdoc />
    protected override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, SyslogHeaderParser header)
        => new SyslogLineParser(source, record, schema, handler, header);
}
