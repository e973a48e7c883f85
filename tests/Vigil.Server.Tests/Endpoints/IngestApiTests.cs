using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Server.Ingest;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Tests.Endpoints;

public sealed class IngestApiTests
{
    private static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task PostEvents_Ndjson_IsJournaledThenDetected()
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events", Ndjson("{\"alert\":\"high\",\"user\":\"jdoe\",\"host\":\"WS1\"}\n{\"x\":1}\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>();
        accepted!.Events.ShouldBe(2);
        accepted.Duplicate.ShouldBeFalse();
        await server.WaitForDetectionAsync();
        using var viewer = server.Client(Roles.Viewer);
        var alerts = await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts");
        alerts!.Count.ShouldBe(1);
        alerts[0].Severity.ShouldBe("high");
        alerts[0].Entities.Select(e => e.Name).ShouldBe(["jdoe", "WS1"], ignoreOrder: true);
        alerts[0].IncidentId.ShouldNotBeNull();
    }

    [Fact]
    public async Task PostEvents_RetriedWithSameIdempotencyKey_DoesNotDoubleEventsOrAlerts()
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var body = "{\"alert\":\"medium\",\"user\":\"jdoe\"}\n{\"alert\":\"low\",\"user\":\"asmith\"}\n";
        long first = 0;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Ndjson(body) };
            request.Headers.Add("Idempotency-Key", "batch-0001");
            var response = await ingest.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>();
            if (i == 0)
            {
                first = accepted!.Sequence;
                accepted.Duplicate.ShouldBeFalse();
            }
            else
            {
                accepted!.Sequence.ShouldBe(first);
                accepted.Duplicate.ShouldBeTrue();
            }
        }

        await server.WaitForDetectionAsync();
        using var viewer = server.Client(Roles.Viewer);
        (await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts"))!.Count.ShouldBe(2);
        server.Pipeline.Processed.ShouldBe(2);
    }

    [Fact]
    public async Task PostEvents_SameBodyWithoutKey_IsRecognisedAsRetry()
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var a = await (await ingest.PostAsync("/api/v1/events", Ndjson("{\"alert\":\"low\",\"user\":\"u1\"}\n"))).Content.ReadFromJsonAsync<IngestAccepted>();
        var b = await (await ingest.PostAsync("/api/v1/events", Ndjson("{\"alert\":\"low\",\"user\":\"u1\"}\n"))).Content.ReadFromJsonAsync<IngestAccepted>();
        b!.Duplicate.ShouldBeTrue();
        b.Sequence.ShouldBe(a!.Sequence);
    }

    [Fact]
    public async Task PostEvents_MalformedLines_AreReportedAndTheRestKept()
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events", Ndjson("{\"a\":1}\nnot json\n[1,2]\n{\"b\":2}\n{\"c\":"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>();
        accepted!.Events.ShouldBe(2);
        accepted.RejectedCount.ShouldBe(3);
        accepted.Rejected.Select(r => r.Line).ShouldBe([2, 3, 5]);
        accepted.Rejected[1].Reason.ShouldContain("not a JSON object");
    }

    [Fact]
    public async Task PostEvents_OnlyMalformedLines_IsValidationProblemNamingLines()
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events", Ndjson("garbage\n\u0000\u0001\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadAsStringAsync();
        problem.ShouldContain("line 1");
        problem.ShouldContain("line 2");
    }

    [Theory]
    [InlineData("format=nosuch", "format")]
    [InlineData("source=bad%20name", "source")]
    public async Task PostEvents_BadParameter_IsValidationProblem(string query, string field)
    {
        await using var server = await ServerHarness.StartAsync();
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events?" + query, Ndjson("{\"a\":1}\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PostEvents_BodyOverLimit_Is413()
    {
        await using var server = await ServerHarness.StartAsync(o => o with { MaxBodyBytes = 1024 });
        using var ingest = server.Client(Roles.Ingest);
        var response = await ingest.PostAsync("/api/v1/events", Ndjson(string.Concat(Enumerable.Repeat("{\"a\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n", 100))));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostEvents_DetectionBehind_Is503WithRetryAfter_AndMemoryStaysBounded()
    {
        var pipeline = new TestPipeline();
        pipeline.Gate.Reset();
        await using var server = await ServerHarness.StartAsync(o => o with { MaxBacklogEvents = 10 }, pipeline);
        using var ingest = server.Client(Roles.Ingest);
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await ingest.PostAsync("/api/v1/events", Ndjson($"{{\"n\":{i}}}\n{{\"n\":{i}}}\n{{\"n\":{i}}}\n"));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
            }
            else
            {
                refused = response;
            }
        }

        refused.ShouldNotBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        accepted.ShouldBeLessThanOrEqualTo(5);
        pipeline.Gate.Set();
        await server.WaitForDetectionAsync();
        var again = await ingest.PostAsync("/api/v1/events", Ndjson("{\"n\":99}\n"));
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task HecEvent_SplunkToken_IsAcceptedAndConverted()
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Splunk", server.KeyOf(Roles.Ingest));
        var body = "{\"time\":1700000000,\"host\":\"WS9\",\"event\":{\"alert\":\"high\",\"user\":\"jdoe\"}}{\"event\":\"plain line\",\"sourcetype\":\"syslog\"}";
        var response = await client.PostAsync("/services/collector/event", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"text\":\"Success\",\"code\":0}");
        await server.WaitForDetectionAsync();
        server.Pipeline.Processed.ShouldBe(2);
        using var viewer = server.Client(Roles.Viewer);
        var alerts = await viewer.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts");
        alerts!.Single().Entities.Select(e => e.Name).ShouldBe(["jdoe", "WS9"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("{\"host\":\"x\"}", 12)]
    [InlineData("{\"event\":\"\"}", 13)]
    [InlineData("not json", 6)]
    [InlineData("", 5)]
    public async Task HecEvent_BadBody_AnswersHecErrorCode(string body, int code)
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Splunk", server.KeyOf(Roles.Ingest));
        var response = await client.PostAsync("/services/collector/event", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("code").GetInt32().ShouldBe(code);
    }

    [Fact]
    public async Task HecRaw_LinesAreJournaledWithTheirFormat()
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Splunk", server.KeyOf(Roles.Ingest));
        var response = await client.PostAsync("/services/collector/raw?sourcetype=linux_syslog", new StringContent("<13>Jan  1 00:00:00 host app: one\n<13>Jan  1 00:00:01 host app: two\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var batch = ServerStore.Open(server.Options.DatabasePath).ReadJournal(0, 10, 100).ShouldHaveSingleItem();
        batch.Format.ShouldBe("syslog");
        batch.Source.ShouldBe("hec-raw");
    }

    [Fact]
    public async Task HecHealth_IsAnonymous()
    {
        await using var server = await ServerHarness.StartAsync();
        using var client = server.Client(null);
        var response = await client.GetAsync("/services/collector/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
