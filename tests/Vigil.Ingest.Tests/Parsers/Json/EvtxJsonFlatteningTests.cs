using Vigil.Core.Events;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Parsers.Json;

/// <summary>Windows events as evtx_dump (omerbenamram/evtx) writes them; the fixtures are made up for these tests.</summary>
public sealed class EvtxJsonFlatteningTests
{
    private const string LogCleared = """
        {"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Eventlog","Guid":"{11111111-2222-3333-4444-555555555555}"}},"EventID":1102,"Version":0,"Level":4,"Task":104,"Opcode":0,"Keywords":"0x4020000000000000","TimeCreated":{"#attributes":{"SystemTime":"2023-05-01T10:00:00.123456Z"}},"EventRecordID":42,"Correlation":null,"Execution":{"#attributes":{"ProcessID":700,"ThreadID":800}},"Channel":"Security","Computer":"host1.example.test","Security":null},"UserData":{"LogFileCleared":{"#attributes":{"xmlns":"http://manifests.example.test/eventlog"},"SubjectUserSid":"S-1-5-21-1-2-3-1001","SubjectUserName":"alice","SubjectDomainName":"EXAMPLE","SubjectLogonId":"0x1234"}}}}
        """;

    private const string Logon = """
        {"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing","Guid":"{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}"}},"EventID":{"#attributes":{"Qualifiers":0},"#text":4624},"Version":2,"Level":0,"Task":12544,"Opcode":0,"Keywords":"0x8020000000000000","TimeCreated":{"#attributes":{"SystemTime":"2023-05-01T10:00:01Z"}},"EventRecordID":43,"Correlation":{"#attributes":{"ActivityID":"{0000aaaa-0000-0000-0000-000000000001}","RelatedActivityID":"{0000aaaa-0000-0000-0000-000000000002}"}},"Execution":{"#attributes":{"ProcessID":700,"ThreadID":801}},"Channel":"Security","Computer":"host1.example.test","Security":{"#attributes":{"UserID":"S-1-5-18"}}},"EventData":{"SubjectUserSid":"S-1-5-18","TargetUserName":"bob","LogonType":3,"IpAddress":"192.0.2.10","ProcessName":null,"Binary":null}}}
        """;

    [Fact]
    public void Flatten_EvtxDumpSystem_FlatWindowsNames()
    {
        var e = SourceRunner.ParseOne(Logon);

        e.Fields().ShouldBe(
        [
            ("Provider_Name", "Microsoft-Windows-Security-Auditing", FieldValueKind.String),
            ("Provider_Guid", "{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}", FieldValueKind.String),
            ("EventID_Qualifiers", "0", FieldValueKind.Number),
            ("EventID", "4624", FieldValueKind.Number),
            ("Version", "2", FieldValueKind.Number),
            ("Level", "0", FieldValueKind.Number),
            ("Task", "12544", FieldValueKind.Number),
            ("Opcode", "0", FieldValueKind.Number),
            ("Keywords", "0x8020000000000000", FieldValueKind.String),
            ("TimeCreated", "2023-05-01T10:00:01Z", FieldValueKind.String),
            ("EventRecordID", "43", FieldValueKind.Number),
            ("ActivityID", "{0000aaaa-0000-0000-0000-000000000001}", FieldValueKind.String),
            ("RelatedActivityID", "{0000aaaa-0000-0000-0000-000000000002}", FieldValueKind.String),
            ("ProcessID", "700", FieldValueKind.Number),
            ("ThreadID", "801", FieldValueKind.Number),
            ("Channel", "Security", FieldValueKind.String),
            ("Computer", "host1.example.test", FieldValueKind.String),
            ("UserID", "S-1-5-18", FieldValueKind.String),
            ("SubjectUserSid", "S-1-5-18", FieldValueKind.String),
            ("TargetUserName", "bob", FieldValueKind.String),
            ("LogonType", "3", FieldValueKind.Number),
            ("IpAddress", "192.0.2.10", FieldValueKind.String),
            ("ProcessName", string.Empty, FieldValueKind.Null),
            ("Binary", string.Empty, FieldValueKind.Null),
        ]);
        e.TimestampTicks.ShouldBe(new DateTime(2023, 5, 1, 10, 0, 1, DateTimeKind.Utc).Ticks);
    }

    [Fact]
    public void Flatten_EvtxDumpUserData_FieldsByTheirOwnName()
    {
        var e = SourceRunner.ParseOne(LogCleared);

        e.Value("SubjectUserName").ShouldBe("alice");
        e.Value("SubjectLogonId").ShouldBe("0x1234");
        e.Value("EventID").ShouldBe("1102");
        e.Names().ShouldNotContain(n => n.Contains("xmlns", StringComparison.Ordinal) || n.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void Flatten_DataElementsWithNameAttribute_FieldPerName()
    {
        var e = SourceRunner.ParseOne("""
            {"Event":{"System":{"EventID":4688},"EventData":{"Data":[{"#attributes":{"Name":"NewProcessName"},"#text":"C:\\Windows\\System32\\cmd.exe"},{"#text":"whoami /all","#attributes":{"Name":"CommandLine"}},{"#attributes":{"Name":"ParentProcessName"}}]}}}
            """);

        e.Value("NewProcessName").ShouldBe("C:\\Windows\\System32\\cmd.exe");
        e.Value("CommandLine").ShouldBe("whoami /all");
        e.Value("ParentProcessName").ShouldBe(string.Empty);
        e.Kind("ParentProcessName").ShouldBe(FieldValueKind.Null);
    }

    [Fact]
    public void Flatten_UnnamedData_DataAndIndexedNames()
    {
        var e = SourceRunner.ParseOne("""
            {"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":16384},"#text":33205}},"EventData":{"Data":{"#text":["first","",7]},"Binary":"00FF"}}}
            """);

        e.Values("Data").ShouldBe(["first", string.Empty, "7"]);
        e.Value("Data0").ShouldBe("first");
        e.Value("Data1").ShouldBe(string.Empty);
        e.Value("Data2").ShouldBe("7");
        e.Kind("Data2").ShouldBe(FieldValueKind.Number);
        e.Value("Binary").ShouldBe("00FF");
        e.Value("EventID_Qualifiers").ShouldBe("16384");
    }

    [Fact]
    public void Flatten_SeparateJsonAttributes_SameNamesAsInline()
    {
        var separate = SourceRunner.ParseOne("""
            {"Event":{"System":{"Provider_attributes":{"Name":"P","Guid":"{G}"},"EventID":4624,"EventID_attributes":{"Qualifiers":"0"},"TimeCreated_attributes":{"SystemTime":"2023-05-01T10:00:01Z"},"Execution_attributes":{"ProcessID":1,"ThreadID":2},"Security_attributes":{"UserID":"S-1-5-18"},"Correlation":null},"EventData":{"TargetUserName":"bob"}},"Event_attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"}}
            """);

        separate.Names().ShouldBe(["Provider_Name", "Provider_Guid", "EventID", "EventID_Qualifiers", "TimeCreated", "ProcessID", "ThreadID", "UserID", "TargetUserName"]);
        separate.Value("TimeCreated").ShouldBe("2023-05-01T10:00:01Z");
    }

    [Fact]
    public void Flatten_OtherEventChildrenAndNestedUserData_DottedFromTheChild()
    {
        var e = SourceRunner.ParseOne("""
            {"Event":{"System":{"EventID":53},"UserData":{"Wrapper":{"Info":{"Header":"h1","Action":{"#attributes":{"name":"NoProxy"}}},"URL":{"#attributes":{"scheme":"http"},"#text":"http://example.test/x"}}},"RenderingInfo":{"#attributes":{"Culture":"en-US"},"Message":"text"}}}
            """);

        e.Value("Info.Header").ShouldBe("h1");
        e.Value("Info.Action_name").ShouldBe("NoProxy");
        e.Value("URL").ShouldBe("http://example.test/x");
        e.Value("URL_scheme").ShouldBe("http");
        e.Value("RenderingInfo_Culture").ShouldBe("en-US");
        e.Value("RenderingInfo.Message").ShouldBe("text");
    }

    [Fact]
    public void Read_EvtxDumpJsonAndJsonlFiles_SameEvents()
    {
        using var dir = new TempDirectory();
        var jsonl = dir.Write("dump.jsonl", LogCleared.Trim() + "\n" + Logon.Trim() + "\n");
        var pretty = dir.Write("dump.json", "Record 42\n" + Pretty(LogCleared) + "\nRecord 43\n" + Pretty(Logon) + "\n");

        var fromJsonl = SourceRunner.ReadFile(jsonl);
        var fromJson = SourceRunner.ReadFile(pretty);

        fromJsonl.Errors.ShouldBeEmpty();
        fromJson.Errors.ShouldBeEmpty();
        fromJson.Events.Select(e => e.Fields()).ShouldBe(fromJsonl.Events.Select(e => e.Fields()));
        fromJson.Events.Select(e => e.Location).ShouldBe([2L, 4 + Pretty(LogCleared).Count(c => c == '\n')]);
    }

    [Fact]
    public void Flatten_EvtxDumpEvent_SameNamesAsThePythonEvtxFlatSample()
    {
        // The shared flat sample was made from the same kind of records with python-evtx; our flattening of an
        // evtx_dump record must give the names it uses (python-evtx leaves out the provider GUID).
        var flat = SourceRunner.ReadFile(SharedData.Path("windows-json", "evtx-to-mitre.flat.jsonl"));
        var flatLogCleared = flat.Events.First(e => e.Value("EventID") == "1102" && e.Values("SubjectUserName").Count == 1);
        var flatNames = flat.Events.SelectMany(e => e.Names()).ToHashSet(StringComparer.Ordinal);

        var ours = SourceRunner.ParseOne(LogCleared).Names().Where(n => n != "Provider_Guid");
        var logon = SourceRunner.ParseOne(Logon).Names()
            .Where(n => n is not ("Provider_Guid" or "EventID_Qualifiers" or "ActivityID" or "RelatedActivityID" or "Binary"));

        ours.ShouldBe(flatLogCleared.Names(), ignoreOrder: true);
        logon.Where(n => !flatNames.Contains(n)).ShouldBeEmpty();
    }

    private static string Pretty(string json)
        => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
