using System.Text;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Normalization;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Normalization;

/// <summary>Events of each source type get the class, status and attributes their map promises.</summary>
public sealed class NormalizerTests
{
    private static readonly Lazy<Normalizer> Shipped = new(() => new Normalizer(NormalizationMap.Load(System.IO.Path.Combine(SharedData.RepoRoot, "maps", "normalize"))));

    public static TheoryData<string, string, int, string?, string[]> Cases => new()
    {
        {
            """{"Channel":"Security","EventID":"4625","Computer":"DC01.corp.example","TimeCreated":"2021-10-20 13:39:12.731903","TargetUserName":"jdoe","TargetDomainName":"CORP","IpAddress":"10.1.2.3","IpPort":"51234","LogonType":"3","SubjectUserName":"-"}""",
            "windows-security", 3002, "Failure",
            ["user.name=jdoe", "user.domain=CORP", "src_endpoint.ip=10.1.2.3", "src_endpoint.port=51234", "device.hostname=DC01.corp.example", "logon_type_id=3", "metadata.event_code=4625"]
        },
        {
            """{"Channel":"Security","EventID":"4769","Computer":"DC01","Status":"0x0","TargetUserName":"svc@CORP","ServiceName":"MSSQLSvc"}""",
            "windows-security", 3002, "Success",
            ["auth_protocol=Kerberos", "service.name=MSSQLSvc", "user.name=svc@CORP"]
        },
        {
            """{"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws1","UtcTime":"2021-10-21 20:40:12.867","Image":"C:\\Windows\\System32\\cmd.exe","CommandLine":"cmd /c whoami","ParentImage":"C:\\x\\mimikatz.exe","ProcessId":2032,"User":"CORP\\admmig"}""",
            "sysmon", 1007, "Success",
            ["process.file.path=C:\\Windows\\System32\\cmd.exe", "process.cmd_line=cmd /c whoami", "process.parent_process.file.path=C:\\x\\mimikatz.exe", "process.pid=2032", "actor.user.name=CORP\\admmig"]
        },
        {
            """{"timestamp":"2026-11-02T13:02:05Z","hostname":"bastion01","facility":"authpriv","appname":"sshd","procid":51802,"message":"Failed password for invalid user admin from 198.51.100.45 port 40112 ssh2"}""",
            "syslog", 3002, "Failure",
            ["user.name=admin", "src_endpoint.ip=198.51.100.45", "src_endpoint.port=40112", "auth_protocol=password", "device.hostname=bastion01"]
        },
        {
            """{"timestamp":"2026-11-02T13:02:05Z","hostname":"bastion01","appname":"sshd","message":"Accepted publickey for deploy from 10.20.5.12 port 51422 ssh2: ED25519 SHA256:abc"}""",
            "syslog", 3002, "Success",
            ["user.name=deploy", "src_endpoint.ip=10.20.5.12", "auth_protocol=publickey"]
        },
        {
            """{"timestamp":"2026-11-02T13:02:05Z","hostname":"bastion01","appname":"sshd","message":"pam_unix(sshd:session): session opened for user deploy"}""",
            "syslog", 0, null,
            ["message=pam_unix(sshd:session): session opened for user deploy"]
        },
        {
            """{"timestamp":"2026-11-02T13:02:05Z","hostname":"h","appname":"sudo","message":"alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/cat /etc/shadow"}""",
            "syslog", 1007, "Success",
            ["actor.user.name=alice", "process.user.name=root", "process.cmd_line=/bin/cat /etc/shadow", "process.cwd=/home/alice"]
        },
        {
            """{"eventVersion":"1.08","eventTime":"2020-09-14T01:19:40Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1","sourceIPAddress":"1.2.3.4","userIdentity":{"type":"IAMUser","userName":"bob","arn":"arn:aws:iam::1:user/bob"}}""",
            "aws-cloudtrail", 6003, "Success",
            ["api.operation=ListBuckets", "api.service.name=s3.amazonaws.com", "actor.user.name=bob", "src_endpoint.ip=1.2.3.4", "cloud.region=us-east-1"]
        },
        {
            """{"eventVersion":"1.08","eventTime":"2020-09-14T01:19:40Z","eventSource":"iam.amazonaws.com","eventName":"DeleteUser","awsRegion":"us-east-1","errorCode":"AccessDenied","userIdentity":{"type":"IAMUser","userName":"bob"}}""",
            "aws-cloudtrail", 6003, "Failure",
            ["status_detail=AccessDenied"]
        },
        {
            """{"eventVersion":"1.08","eventTime":"2020-09-14T01:19:40Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","responseElements":{"ConsoleLogin":"Failure"},"userIdentity":{"type":"IAMUser","userName":"bob"}}""",
            "aws-cloudtrail", 3002, "Failure",
            ["user.name=bob"]
        },
        {
            """{"uuid":"u1","published":"2026-11-02T08:40:27.118Z","eventType":"user.session.start","actor":{"id":"00u1","alternateId":"jdoe@corp.example","displayName":"J Doe","type":"User"},"client":{"ipAddress":"203.0.113.9"},"outcome":{"result":"FAILURE","reason":"INVALID_CREDENTIALS"}}""",
            "okta", 3002, "Failure",
            ["actor.user.name=jdoe@corp.example", "src_endpoint.ip=203.0.113.9", "status_detail=INVALID_CREDENTIALS"]
        },
        {
            """{"uuid":"u2","published":"2026-11-02T08:40:27.118Z","eventType":"user.mfa.factor.deactivate","actor":{"id":"00u1","alternateId":"admin@corp.example"},"target":[{"alternateId":"jdoe@corp.example"}],"outcome":{"result":"SUCCESS"}}""",
            "okta", 3001, "Success",
            ["user.name=jdoe@corp.example"]
        },
        {
            """{"ts":1588205198.89971,"uid":"C1","_path":"conn","id.orig_h":"10.0.1.4","id.orig_p":64842,"id.resp_h":"10.0.0.4","id.resp_p":53,"proto":"udp","conn_state":"S0"}""",
            "zeek", 4001, "Failure",
            ["src_endpoint.ip=10.0.1.4", "dst_endpoint.port=53", "connection_info.protocol_name=udp"]
        },
        {
            """{"@stream":"dns","ts":1588205198.89971,"uid":"C1","id_orig_h":"10.0.1.4","id_resp_h":"10.0.0.4","query":"newyork.dmevals.local","qtype_name":"A","rcode_name":"NOERROR"}""",
            "zeek-stream", 4003, "Success",
            ["query.hostname=newyork.dmevals.local", "src_endpoint.ip=10.0.1.4"]
        },
        {
            """{"cef_version":"0","DeviceVendor":"Fortinet","DeviceProduct":"FortiGate","DeviceVersion":"6","DeviceEventClassID":"13","Name":"traffic","Severity":"3","src":"10.0.0.2","dst":"8.8.8.8","dpt":"53","act":"deny"}""",
            "cef", 4001, "Failure",
            ["dst_endpoint.ip=8.8.8.8", "metadata.product.vendor_name=Fortinet"]
        },
        {
            """{"type":["SYSCALL","EXECVE","PROCTITLE","EOE"],"syscall":"59","success":"yes","pid":"2002","ppid":"2001","auid":"1000","ses":"4294967295","exe":"/usr/bin/bash","proctitle":"bash -c id","node":"web01"}""",
            "linux-auditd", 1007, "Success",
            ["process.cmd_line=bash -c id", "process.pid=2002", "process.parent_process.pid=2001", "actor.user.uid=1000", "device.hostname=web01"]
        },
        {
            """{"type":"USER_AUTH","pid":"2001","auid":"4294967295","acct":"alice","addr":"198.51.100.7","res":"failed","op":"PAM:authentication"}""",
            "linux-auditd", 3002, "Failure",
            ["user.name=alice", "src_endpoint.ip=198.51.100.7"]
        },
        {
            """{"CreationTime":"2026-11-02T10:00:00","Id":"x","Operation":"UserLoginFailed","Workload":"AzureActiveDirectory","RecordType":15,"UserId":"jdoe@corp.example","ClientIP":"203.0.113.7"}""",
            "m365", 3002, "Failure",
            ["user.name=jdoe@corp.example", "src_endpoint.ip=203.0.113.7"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_SourceEvent_ExpectedView(string json, string source, int classUid, string? status, string[] attributes)
    {
        var view = new NormalizedEvent();

        Shipped.Value.Normalize(SourceRunner.ParseOne(json), view).ShouldBeTrue();

        view.Source.ShouldBe(source);
        view.ClassUid.ShouldBe(classUid);
        view.Status.ShouldBe(status);
        foreach (var expected in attributes)
        {
            var (path, value) = (expected[..expected.IndexOf('=')], expected[(expected.IndexOf('=') + 1)..]);
            view.Get(path).ShouldBe(value, $"attribute {path}");
        }
    }

    [Fact]
    public void Normalize_EntraAuditFromLogAnalytics_ActorFromInitiatedByJsonText()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ReadFile(SharedData.Path("azure-m365", "otrf", "AADAuditEvents.json")).Events[0];

        Shipped.Value.Normalize(record, view).ShouldBeTrue();

        view.Source.ShouldBe("azure-audit");
        view.Get("actor.user.name").ShouldBe("pgustavo@simulandlabs.com");
        view.Get("actor.user.uid").ShouldBe("aead923d-498b-4f64-a66c-2af91447a8b6");
        view.Get("src_endpoint.ip").ShouldBeNull("the export has ipAddress null");
    }

    [Theory]
    [InlineData("""{"OperationName":"Add user","LoggedByService":"Core Directory","AADOperationType":"Add","InitiatedBy.user.userPrincipalName":"admin@corp.example","InitiatedBy.user.ipAddress":"203.0.113.5"}""", "admin@corp.example", "203.0.113.5")]
    [InlineData("""{"OperationName":"Add user","LoggedByService":"Core Directory","AADOperationType":"Add","InitiatedBy":{"app":{"servicePrincipalId":"sp1","displayName":"Sync App"}}}""", "Sync App", null)]
    public void Normalize_EntraAuditStructured_ActorFromFields(string json, string actor, string? ip)
    {
        var view = new NormalizedEvent();

        Shipped.Value.Normalize(SourceRunner.ParseOne(json), view).ShouldBeTrue();

        view.Get("actor.user.name").ShouldBe(actor);
        view.Get("src_endpoint.ip").ShouldBe(ip);
    }

    [Fact]
    public void Normalize_CloudTrailRoleSession_ActorIsThePersonNotTheRole()
    {
        var view = new NormalizedEvent();
        const string json = """
            {"eventVersion":"1.08","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","eventTime":"2026-10-05T09:00:00Z",
             "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","recipientAccountId":"123456789012",
             "userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEID:jdoe@corp.example",
               "arn":"arn:aws:sts::123456789012:assumed-role/Engineer/jdoe@corp.example","accountId":"123456789012",
               "sessionContext":{"sessionIssuer":{"type":"Role","userName":"Engineer","arn":"arn:aws:iam::123456789012:role/Engineer"}}}}
            """;

        Shipped.Value.Normalize(SourceRunner.ParseOne(json), view).ShouldBeTrue();

        view.Get("actor.user.name").ShouldBe("AROAEXAMPLEID:jdoe@corp.example");
        view.Get("actor.session.issuer").ShouldBe("Engineer");
    }

    [Fact]
    public void Normalize_AuditdUnsetAuid_LeftOut()
    {
        var view = new NormalizedEvent();

        Shipped.Value.Normalize(SourceRunner.ParseOne("""{"type":"USER_AUTH","auid":"4294967295","ses":"4294967295","acct":"alice"}"""), view);

        view.Get("actor.user.uid").ShouldBeNull();
        view.Get("actor.session.uid").ShouldBeNull();
    }

    [Fact]
    public void Normalize_UnknownEvent_BaseEventWithEventTime()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ParseOne("""{"foo":"bar","@timestamp":"2024-01-02T03:04:05Z"}""");

        Shipped.Value.Normalize(record, view).ShouldBeFalse();

        view.Source.ShouldBeNull();
        view.ClassUid.ShouldBe(0);
        view.TimeTicks.ShouldBe(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).Ticks);
    }

    [Fact]
    public void Normalize_PlaceholderDash_LeftOut()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ParseOne("""{"Channel":"Security","EventID":"4624","TargetUserName":"jdoe","IpAddress":"-","WorkstationName":"-"}""");

        Shipped.Value.Normalize(record, view);

        view.Get("src_endpoint.ip").ShouldBeNull();
        view.Get("src_endpoint.hostname").ShouldBeNull();
        view.Status.ShouldBe("Success");
    }

    [Fact]
    public void Normalize_TimeFromMappedField()
    {
        var view = new NormalizedEvent();

        Shipped.Value.Normalize(SourceRunner.ParseOne("""{"Channel":"Security","EventID":"4624","TimeCreated":"2021-10-20T13:39:12.5Z"}"""), view);

        view.TimeTicks.ShouldBe(new DateTime(2021, 10, 20, 13, 39, 12, 500, DateTimeKind.Utc).Ticks);
    }

    [Fact]
    public void WriteOcsf_NestsPathsAndTypesNumbers()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ParseOne("""{"Channel":"Security","EventID":"4625","TimeCreated":"2021-10-20T13:39:12Z","TargetUserName":"jdoe","IpAddress":"10.1.2.3","IpPort":"51234","Computer":"DC01"}""");
        Shipped.Value.Normalize(record, view);

        using var document = JsonDocument.Parse(Write(json => NormalizedJson.WriteOcsf(json, view, record)));
        var root = document.RootElement;

        root.GetProperty("class_uid").GetInt32().ShouldBe(3002);
        root.GetProperty("class_name").GetString().ShouldBe("Authentication");
        root.GetProperty("category_uid").GetInt32().ShouldBe(3);
        root.GetProperty("activity_id").GetInt32().ShouldBe(1);
        root.GetProperty("type_uid").GetInt64().ShouldBe(300201);
        root.GetProperty("status_id").GetInt32().ShouldBe(2);
        root.GetProperty("time").GetInt64().ShouldBe(1634737152000);
        root.GetProperty("user").GetProperty("name").GetString().ShouldBe("jdoe");
        root.GetProperty("src_endpoint").GetProperty("port").GetInt32().ShouldBe(51234);
        root.GetProperty("src_endpoint").GetProperty("ip").GetString().ShouldBe("10.1.2.3");
        root.GetProperty("metadata").GetProperty("log_name").GetString().ShouldBe("windows-security");
        root.GetProperty("unmapped").GetProperty("TargetUserName").GetString().ShouldBe("jdoe");
    }

    [Fact]
    public void WriteEcs_UsesEcsNames()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ParseOne("""{"Channel":"Security","EventID":"4625","TimeCreated":"2021-10-20T13:39:12Z","TargetUserName":"jdoe","IpAddress":"10.1.2.3","Computer":"DC01"}""");
        Shipped.Value.Normalize(record, view);

        using var document = JsonDocument.Parse(Write(json => NormalizedJson.WriteEcs(json, view, record)));
        var root = document.RootElement;

        root.GetProperty("@timestamp").GetString().ShouldBe("2021-10-20T13:39:12.000Z");
        root.GetProperty("event").GetProperty("outcome").GetString().ShouldBe("failure");
        root.GetProperty("event").GetProperty("category").GetString().ShouldBe("authentication");
        root.GetProperty("source").GetProperty("ip").GetString().ShouldBe("10.1.2.3");
        root.GetProperty("host").GetProperty("hostname").GetString().ShouldBe("DC01");
        root.GetProperty("user").GetProperty("target").GetProperty("name").GetString().ShouldBe("jdoe");
    }

    [Fact]
    public void WriteJsonl_HasLocationFieldsAndOcsf()
    {
        var view = new NormalizedEvent();
        var record = SourceRunner.ParseOne("""{"Channel":"Security","EventID":"4624","TargetUserName":"a","Multi":[1,2]}""");
        Shipped.Value.Normalize(record, view);

        using var document = JsonDocument.Parse(Write(json => NormalizedJson.WriteJsonl(json, view, record)));
        var root = document.RootElement;

        root.GetProperty("source_type").GetString().ShouldBe("windows-security");
        root.GetProperty("location").GetProperty("line").GetInt64().ShouldBe(1);
        root.GetProperty("fields").GetProperty("Multi").GetArrayLength().ShouldBe(2);
        root.GetProperty("ocsf").GetProperty("class_uid").GetInt32().ShouldBe(3002);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
