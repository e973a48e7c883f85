using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Windows;

public sealed class WindowsXmlBatchReaderTests : IDisposable
{
    private const string Event1 = """
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/><EventID>4624</EventID><TimeCreated SystemTime="2021-10-20T13:39:17.315479100Z"/><EventRecordID>67101</EventRecordID><Correlation ActivityID="{00000000-0000-0000-0000-000000000001}"/><Execution ProcessID="512" ThreadID="3140"/><Channel>Security</Channel><Security/></System><EventData><Data Name="TargetUserName">admmig</Data><Data Name="Empty"/><Data>x &amp; y</Data><Data><![CDATA[<z>]]></Data></EventData></Event>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadFile_WevtutilStyle_FieldsNamedLikeTheJsonPath()
    {
        var path = _dir.Write("a.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>" + Event1 + "\n" + Event1 + "</Events>\n");

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(2);
        var e = result.Events[0];
        e.Location.ShouldBe(2);
        result.Events[1].Location.ShouldBe(3);
        e.TimestampTicks.ShouldBe(new DateTime(2021, 10, 20, 13, 39, 17, DateTimeKind.Utc).Ticks + 3154791);
        e.Value("Provider_Name").ShouldBe("Microsoft-Windows-Security-Auditing");
        e.Value("Provider_Guid").ShouldBe("{54849625-5478-4994-A5BA-3E3B0328C30D}");
        e.Value("EventID").ShouldBe("4624");
        e.Value("TimeCreated").ShouldBe("2021-10-20T13:39:17.315479100Z");
        e.Value("ActivityID").ShouldBe("{00000000-0000-0000-0000-000000000001}");
        e.Value("ProcessID").ShouldBe("512");
        e.Value("ThreadID").ShouldBe("3140");
        e.Value("TargetUserName").ShouldBe("admmig");
        e.Kind("Empty").ShouldBe(FieldValueKind.Null);
        e.Values("Data").ShouldBe(["x & y", "<z>"]);
        e.Value("Data0").ShouldBe("x & y");
        e.Value("Data1").ShouldBe("<z>");
        e.Names().Contains("Security", StringComparer.Ordinal).ShouldBeFalse();
        e.Names().Contains("Correlation", StringComparer.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void ReadFile_EvtxexportBannerAndUserData_Read()
    {
        var path = _dir.Write("b.xml", """
            evtxexport 20181227

            <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
              <System>
                <EventID Qualifiers="16384">104</EventID>
              </System>
              <UserData>
                <LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">
                  <SubjectUserName>admmig</SubjectUserName>
                  <BackupPath/>
                  <Nested><Inner>v</Inner></Nested>
                </LogFileCleared>
              </UserData>
              <RenderingInfo Culture="en-US"><Message>hello</Message></RenderingInfo>
            </Event>

            """);

        var result = SourceRunner.ReadFile(path, EventFileFormat.WindowsXml);

        result.Errors.ShouldBeEmpty();
        var e = result.Events.ShouldHaveSingleItem();
        e.Location.ShouldBe(3);
        e.Value("EventID").ShouldBe("104");
        e.Value("EventID_Qualifiers").ShouldBe("16384");
        e.Value("SubjectUserName").ShouldBe("admmig");
        e.Kind("BackupPath").ShouldBe(FieldValueKind.Null);
        e.Value("Nested.Inner").ShouldBe("v");
        e.Value("RenderingInfo_Culture").ShouldBe("en-US");
        e.Value("RenderingInfo.Message").ShouldBe("hello");
    }

    [Fact]
    public void ReadFile_MalformedEvent_ReportedWithLineAndNextEventRead()
    {
        var path = _dir.Write("c.xml", "<Events>\n" + Event1 + "\n<Event><System><EventID>1</EventID></Sys></Event>\n<Event><System><EventID>2\n" + Event1 + "\n</Events>");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Location).ShouldBe([2L, 5L]);
        result.Errors.Select(e => e.Location).ShouldBe([3L, 4L]);
        result.Errors[0].Message.ShouldContain("line 3");
    }

    [Fact]
    public void ReadFile_DtdAndEntityExpansion_Rejected()
    {
        var path = _dir.Write("d.xml", """
            <?xml version="1.0"?>
            <Event><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><System><EventID>&lol2;</EventID></System></Event>
            <Event><System><EventID>&xxe;</EventID></System></Event>
            <Event><System><EventID>3</EventID></System></Event>
            """);

        var result = SourceRunner.ReadFile(path);

        result.Events.ShouldHaveSingleItem().Value("EventID").ShouldBe("3");
        result.Errors.Count.ShouldBe(2);
    }

    [Fact]
    public void ReadFile_EventSplitAcrossReads_Read()
    {
        var text = "<Events>" + string.Concat(Enumerable.Repeat(Event1 + "\n", 2000)) + "</Events>";
        var path = _dir.Write("e.xml", text);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(2000);
        result.Events[^1].Location.ShouldBe(2000);
    }
}
