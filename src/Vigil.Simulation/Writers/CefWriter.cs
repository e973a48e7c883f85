using System.Text;
using Vigil.Simulation.Events;

namespace Vigil.Simulation.Writers;

/// <summary>Writes CEF lines: the header, then <c>rt=</c> and the rest of the extension.</summary>
internal sealed class CefWriter : EventFileWriter<CefEvent>
{
    /// <summary>Opens the file.</summary>
    public CefWriter(string path)
        : base(path)
    {
    }

    /// <inheritdoc />
    protected override void Render(CefEvent item, StringBuilder text)
        => text.Append(item.Header).Append("rt=").Append(SimTime.Cef(item.Ticks)).Append(' ').Append(item.Extension).Append('\n');
}
