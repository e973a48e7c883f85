using System.Globalization;
using System.Text;
using Vigil.Simulation.Events;

namespace Vigil.Simulation.Writers;

/// <summary>
/// Writes syslog lines in the RFC 3164 shape (<c>&lt;PRI&gt;TIMESTAMP HOST TAG[PID]: MESSAGE</c>) with rsyslog's
/// high-precision timestamp (RFC 3339, as rsyslog writes it by default on current distributions), so that the year is
/// in the line and reading it back does not depend on the day it is read.
/// </summary>
internal sealed class SyslogWriter : EventFileWriter<SyslogEvent>
{
    /// <summary>Opens the file.</summary>
    public SyslogWriter(string path)
        : base(path)
    {
    }

    /// <inheritdoc />
    protected override void Render(SyslogEvent item, StringBuilder text)
        => text.Append(CultureInfo.InvariantCulture, $"<{item.Priority}>").Append(SimTime.Syslog(item.Ticks)).Append(' ').Append(item.Host).Append(' ')
            .Append(item.Program).Append(CultureInfo.InvariantCulture, $"[{item.Pid}]: ").Append(item.Message).Append('\n');
}
