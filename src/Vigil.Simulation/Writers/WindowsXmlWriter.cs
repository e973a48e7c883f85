using System.Globalization;
using System.Text;
using Vigil.Simulation.Events;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Writers;

/// <summary>
/// Writes Windows events as Windows XML (<c>wevtutil qe /f:xml</c> shape), one <c>&lt;Event&gt;</c> per line inside
/// <c>&lt;Events&gt;</c>. Numbers each host's events with its own increasing <c>EventRecordID</c>.
/// </summary>
internal sealed class WindowsXmlWriter : EventFileWriter<WindowsEvent>
{
    private const string SecurityProvider = "<Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-A5BA-3E3B0328C30D}\"/>";
    private const string SysmonProvider = "<Provider Name=\"Microsoft-Windows-Sysmon\" Guid=\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\"/>";
    private readonly Dictionary<string, long> _recordIds = new(StringComparer.Ordinal);

    /// <summary>Opens the file.</summary>
    public WindowsXmlWriter(string path)
        : base(path)
    {
    }

    /// <inheritdoc />
    protected override void RenderHeader(StringBuilder text) => text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n");

    /// <inheritdoc />
    protected override void RenderFooter(StringBuilder text) => text.Append("</Events>\n");

    /// <inheritdoc />
    protected override void Render(WindowsEvent item, StringBuilder text)
    {
        var hostHash = Seeds.Hash(item.Computer);
        if (!_recordIds.TryGetValue(item.Computer, out var recordId))
        {
            recordId = 1000 + (long)(hostHash % 90000);
        }

        _recordIds[item.Computer] = ++recordId;
        var security = item.Channel == WindowsChannel.Security;
        var (version, task, keywords) = security ? SecurityMetadata(item.EventId) : (5, item.EventId, "0x8000000000000000");
        var processId = security ? 600 + (int)(hostHash % 200) : 2000 + (int)(hostHash % 3000);
        var threadId = processId + 4 + (int)(recordId % 97 * 4);
        var ci = CultureInfo.InvariantCulture;
        text.Append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>")
            .Append(security ? SecurityProvider : SysmonProvider)
            .Append(ci, $"<EventID>{item.EventId}</EventID><Version>{version}</Version><Level>{(security ? 0 : 4)}</Level>")
            .Append(ci, $"<Task>{task}</Task><Opcode>0</Opcode><Keywords>{keywords}</Keywords>")
            .Append("<TimeCreated SystemTime=\"").Append(SimTime.Windows(item.Ticks)).Append("\"/>")
            .Append(ci, $"<EventRecordID>{recordId}</EventRecordID><Correlation/><Execution ProcessID=\"{processId}\" ThreadID=\"{threadId}\"/>")
            .Append(security ? "<Channel>Security</Channel>" : "<Channel>Microsoft-Windows-Sysmon/Operational</Channel>")
            .Append("<Computer>").AppendXml(item.Computer).Append("</Computer>")
            .Append(security ? "<Security/>" : "<Security UserID=\"S-1-5-18\"/>")
            .Append("</System><EventData>");
        foreach (var (name, value) in item.Data)
        {
            text.Append("<Data Name=\"").Append(name).Append("\">").AppendXml(value).Append("</Data>");
        }

        text.Append("</EventData></Event>\n");
    }

    /// <summary>Version, task category and keywords of the Security events written.</summary>
    private static (int Version, int Task, string Keywords) SecurityMetadata(int eventId) => eventId switch
    {
        4624 => (2, 12544, "0x8020000000000000"),
        4625 => (0, 12544, "0x8010000000000000"),
        4634 => (0, 12545, "0x8020000000000000"),
        4672 => (0, 12548, "0x8020000000000000"),
        4688 => (2, 13312, "0x8020000000000000"),
        4720 or 4722 or 4740 => (0, 13824, "0x8020000000000000"),
        4728 or 4732 => (0, 13826, "0x8020000000000000"),
        _ => (0, 0, "0x8020000000000000"),
    };
}
