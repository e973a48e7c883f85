using System.Text;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Cloud;

/// <summary>Okta System Log, Entra ID (Azure AD) and Microsoft 365 audit records read as JSON, with their own event times.</summary>
public sealed class CloudAuditLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_OktaLogEvents_ArrayOrNdjson_PublishedTimeAndKeyFields(bool asArray)
    {
        var logs = OktaLogEvents();
        var text = asArray ? "[\n" + string.Join(",\n", logs) + "\n]\n" : string.Join("\n", logs) + "\n";
        var path = _dir.Write(asArray ? "okta.json" : "okta.jsonl", text);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(logs.Count);
        result.Events.Select(e => e.Location).ShouldBe(Enumerable.Range(asArray ? 2 : 1, logs.Count).Select(i => (long)i));
        foreach (var e in result.Events)
        {
            // Some of Panther's test events spell the names in lower case (eventtype); names match ignoring case.
            e.GetString("eventType").ShouldNotBeNull();
            var published = e.GetString("published");
            var expected = published is not null && EventTimestamp.TryParse(published, out var ticks) ? ticks : 0;
            e.TimestampTicks.ShouldBe(expected);
        }

        result.Events.Count(e => e.TimestampTicks > 0).ShouldBeGreaterThan(55);
        var first = result.Events[0];
        first.TimestampTicks.ShouldBe(new DateTime(2022, 3, 22, 14, 21, 53, 225, DateTimeKind.Utc).Ticks);
        first.Value("eventType").ShouldBe("user.session.impersonation.grant");
        first.Value("actor.alternateId").ShouldBe("homer@springfield.gov");
        first.Value("client.ipAddress").ShouldBe("1.1.1.1");
        result.Events.Count(e => e.GetString("outcome.result") is not null).ShouldBeGreaterThan(10);
        result.Events.Count(e => e.GetString("actor.alternateId") is not null && e.GetString("client.ipAddress") is not null).ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Read_AzureAdAuditSample_ActivityTimeAndKeyFields()
    {
        var result = SourceRunner.ReadFile(SharedData.Path("azure-m365", "otrf", "AADAuditEvents.json"));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(4);
        var first = result.Events[0];
        first.TimestampTicks.ShouldBe(new DateTime(2021, 8, 2, 13, 29, 25, 983, DateTimeKind.Utc).Ticks);
        first.Value("OperationName").ShouldBe("Update application – Certificates and secrets management ");
        first.Value("Category").ShouldBe("ApplicationManagement");
        first.Value("Result").ShouldBe("success");

        // Log Analytics exports dynamic columns as JSON text: InitiatedBy stays one string field.
        first.Value("InitiatedBy").ShouldContain("\"userPrincipalName\":\"pgustavo@simulandlabs.com\"");
        result.Events.Select(e => e.Value("OperationName")).Contains("Add delegated permission grant", StringComparer.Ordinal).ShouldBeTrue();
        result.Events.ShouldAllBe(e => e.TimestampTicks > 0);
    }

    [Fact]
    public void Read_OfficeActivitySample_TimeAndKeyFields()
    {
        var e = SourceRunner.ReadFile(SharedData.Path("azure-m365", "otrf", "OfficeActivityEvents.json")).Events.ShouldHaveSingleItem();

        e.TimestampTicks.ShouldBe(new DateTime(2021, 8, 2, 13, 32, 7, DateTimeKind.Utc).Ticks);
        e.Value("Operation").ShouldBe("MailItemsAccessed");
        e.Value("UserId").ShouldBe("pgustavo@simulandlabs.com");
        e.Value("Client_IPAddress").ShouldBe("1.2.3.4");
        e.Value("OfficeWorkload").ShouldBe("Exchange");
    }

    [Fact]
    public void Read_EntraSignInDiagnosticRecords_LowercaseRecordsWrapperRead()
    {
        var path = _dir.Write("PT1H.json", """
            {"records": [
              {
                "time": "2024-03-05T10:00:01.1234567Z",
                "resourceId": "/tenants/00000000-0000-0000-0000-000000000001/providers/Microsoft.aadiam",
                "operationName": "Sign-in activity",
                "category": "SignInLogs",
                "resultType": "50126",
                "resultDescription": "Error validating credentials due to invalid username or password.",
                "callerIpAddress": "198.51.100.23",
                "identity": "Alice Example",
                "properties": {
                  "id": "6c9d2a1e-0000-4000-8000-000000000001",
                  "createdDateTime": "2024-03-05T10:00:00.9876543+00:00",
                  "userPrincipalName": "alice@contoso.example",
                  "appDisplayName": "Azure Portal",
                  "ipAddress": "198.51.100.23",
                  "clientAppUsed": "Browser",
                  "conditionalAccessStatus": "notApplied",
                  "status": { "errorCode": 50126, "failureReason": "Invalid username or password." },
                  "location": { "city": "Lyon", "countryOrRegion": "FR" },
                  "authenticationRequirement": "singleFactorAuthentication"
                }
              },
              {
                "time": "2024-03-05T10:00:07.0000000Z",
                "operationName": "Sign-in activity",
                "category": "SignInLogs",
                "resultType": "0",
                "properties": { "userPrincipalName": "alice@contoso.example", "status": { "errorCode": 0 } }
              }
            ]}
            """);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.Location).ShouldBe([2L, 24L]);
        var first = result.Events[0];
        first.TimestampTicks.ShouldBe(new DateTime(2024, 3, 5, 10, 0, 1, DateTimeKind.Utc).Ticks + 1_234_567);
        first.Value("category").ShouldBe("SignInLogs");
        first.Value("properties.userPrincipalName").ShouldBe("alice@contoso.example");
        first.Value("properties.status.errorCode").ShouldBe("50126");
        first.Value("properties.location.countryOrRegion").ShouldBe("FR");
    }

    [Fact]
    public void Read_GraphSignInsAndDirectoryAudits_OwnTimeFieldsBeforeLogAnalyticsTime()
    {
        var path = _dir.Write("graph.jsonl", """
            {"id":"66ea54eb-0000-4000-8000-000000000002","createdDateTime":"2024-03-05T09:59:58Z","userPrincipalName":"bob@contoso.example","appDisplayName":"Microsoft Teams","ipAddress":"203.0.113.8","status":{"errorCode":0},"TimeGenerated":"2024-03-05T10:04:00Z"}
            {"id":"Directory_0001","category":"UserManagement","activityDisplayName":"Add member to role","activityDateTime":"2024-03-05T09:58:00.5Z","initiatedBy":{"user":{"userPrincipalName":"admin@contoso.example","ipAddress":"203.0.113.9"}},"targetResources":[{"userPrincipalName":"bob@contoso.example","type":"User"}],"result":"success","TimeGenerated":"2024-03-05T10:05:00Z"}
            """);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events[0].TimestampTicks.ShouldBe(new DateTime(2024, 3, 5, 9, 59, 58, DateTimeKind.Utc).Ticks);
        result.Events[1].TimestampTicks.ShouldBe(new DateTime(2024, 3, 5, 9, 58, 0, 500, DateTimeKind.Utc).Ticks);
        result.Events[1].Value("initiatedBy.user.userPrincipalName").ShouldBe("admin@contoso.example");
        result.Events[1].Value("targetResources.userPrincipalName").ShouldBe("bob@contoso.example");
    }

    [Fact]
    public void Read_M365ManagementActivityRecords_CreationTimeWithoutZoneIsUtc()
    {
        var path = _dir.Write("audit.general.json", """
            [{"CreationTime":"2024-03-05T10:15:42","Id":"4b3f0c1e-0000-4000-8000-000000000003","Operation":"FileDownloaded","OrganizationId":"00000000-0000-0000-0000-000000000001","RecordType":6,"UserKey":"i:0h.f|membership|10032000aaaa@live.com","UserType":0,"Version":1,"Workload":"SharePoint","ClientIP":"198.51.100.7","ObjectId":"https://contoso.sharepoint.com/sites/finance/Shared Documents/q1.xlsx","UserId":"alice@contoso.example","SourceFileName":"q1.xlsx","UserAgent":"Mozilla/5.0"},
             {"CreationTime":"2024-03-05T10:16:00","Id":"4b3f0c1e-0000-4000-8000-000000000004","Operation":"New-InboxRule","RecordType":1,"Workload":"Exchange","ClientIP":"198.51.100.7:51234","UserId":"alice@contoso.example","ResultStatus":"True","Parameters":[{"Name":"ForwardTo","Value":"x@evil.example"},{"Name":"Name","Value":"."}]}]
            """);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.TimestampTicks).ShouldBe([
            new DateTime(2024, 3, 5, 10, 15, 42, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 5, 10, 16, 0, DateTimeKind.Utc).Ticks]);
        result.Events[0].Value("Workload").ShouldBe("SharePoint");
        result.Events[0].Value("ClientIP").ShouldBe("198.51.100.7");
        result.Events[1].Values("Parameters.Name").ShouldBe(["ForwardTo", "Name"]);
        result.Events[1].Value("Operation").ShouldBe("New-InboxRule");
    }

    [Fact]
    public void Detect_LowercaseRecordsWrapper_ReadByTheRecordsReader()
    {
        FormatDetector.TryDetect("{ \"records\" : [ {\"time\":\"2024-03-05T10:00:00Z\"} ] }"u8, true, out var format, out _).ShouldBeTrue();

        format.ShouldBe(EventFileFormat.CloudTrail);
    }

    /// <summary>The LogEvents wrapped under <c>log</c> in the shared Okta sample, one compact JSON text each.</summary>
    private static List<string> OktaLogEvents()
    {
        var logs = new List<string>();
        foreach (var line in File.ReadLines(SharedData.Path("okta", "panther", "okta_rule_tests.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            logs.Add(doc.RootElement.GetProperty("log").GetRawText());
        }

        logs.Count.ShouldBe(66);
        return logs;
    }
}
