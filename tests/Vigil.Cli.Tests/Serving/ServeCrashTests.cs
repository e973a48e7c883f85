using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Endpoints;
using Vigil.Server.Ingest;
using Vigil.Server.Storage;

namespace Vigil.Cli.Tests.Serving;

/// <summary>
/// The server killed with SIGKILL in the middle of ingest loses no acknowledged event and duplicates no alert once it is
/// restarted and the client retries what was not acknowledged (and, as clients do, some of what was).
/// </summary>
public sealed class ServeCrashTests
{
    private const int Batches = 40;

    /// <summary>Model findings come on a timer; both runs leave them out so that they compare rule alerts exactly.</summary>
    private static readonly string[] NoModelTick = ["--model-tick", "3600"];

    [Fact]
    public async Task Serve_KilledDuringIngest_LosesNoAcknowledgedEventAndDuplicatesNoAlert()
    {
        using var temp = new TempDirectory();
        var batches = SampleBatches();
        var reference = await ReferenceAlertsAsync(temp.PathOf("reference"), batches);
        reference.Count.ShouldBeGreaterThan(5, "the sample batches must raise alerts for this test to mean anything");

        var workspace = Init(temp.PathOf("crash"));
        var acknowledged = new HashSet<int>();
        long acknowledgedEvents = 0;
        string key;
        int port;
        using (var first = ServeProcess.Start(workspace, null, NoModelTick))
        {
            key = first.AdminKey.ShouldNotBeNull();
            port = first.Port;
            using var client = Client(first.BaseAddress, key);
            var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // One request at a time, as a log shipper sends (so the journal keeps batch order); the kill lands while the
            // sender is still going, so one batch is usually in flight: journaled or not, it was not acknowledged.
            var sender = Task.Run(async () =>
            {
                for (var i = 0; i < Batches; i++)
                {
                    try
                    {
                        var response = await SendAsync(client, batches[i], i);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>();
                            lock (acknowledged)
                            {
                                acknowledged.Add(i);
                                acknowledgedEvents += accepted!.Events;
                            }

                            if (i == Batches / 2)
                            {
                                halfway.TrySetResult();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The server is dead: not acknowledged; the client retries it after the restart.
                    }
                    catch (TaskCanceledException)
                    {
                        // Same: an unanswered request is not acknowledged.
                    }
                }
            });
            (await Task.WhenAny(halfway.Task, Task.Delay(TimeSpan.FromSeconds(60)))).ShouldBe(halfway.Task, "half the batches were not acknowledged within 60 s");
            first.KillHard();
            await sender;
        }

        acknowledged.Count.ShouldBeGreaterThan(0);
        acknowledged.Count.ShouldBeLessThan(Batches, "the kill must have happened during ingest");
        using var second = ServeProcess.Start(workspace, port, NoModelTick);
        second.AdminKey.ShouldBeNull("a restart must not create another admin key");
        using (var client = Client(second.BaseAddress, key))
        {
            var journaledBefore = (await client.GetFromJsonAsync<ServerStatus>("/api/v1/status"))!.JournaledEvents;
            journaledBefore.ShouldBeGreaterThanOrEqualTo(acknowledgedEvents, "an acknowledged event was lost");
            for (var i = 0; i < Batches; i++)
            {
                var response = await SendAsync(client, batches[i], i);
                response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                var accepted = await response.Content.ReadFromJsonAsync<IngestAccepted>();
                if (acknowledged.Contains(i))
                {
                    accepted!.Duplicate.ShouldBeTrue($"batch {i} was acknowledged before the kill, so its retry must be a duplicate");
                }
            }

            await WaitForDetectionAsync(client);
            var alerts = await AlertsAsync(client);
            alerts.Count.ShouldBe(reference.Count, "alerts after the crash differ from a clean run; missing: " + string.Join("; ", reference.Except(alerts, StringComparer.Ordinal)) + "; extra: " + string.Join("; ", alerts.Except(reference, StringComparer.Ordinal)));
            alerts.ShouldBe(reference, ignoreOrder: true);
        }
    }

    private static string Init(string path)
    {
        VigilCli.Run("init", path).ExitCode.ShouldBe(0);
        foreach (var file in Directory.GetFiles(RepoPaths.Repo("samples", "context")))
        {
            File.Copy(file, Path.Combine(path, "context", Path.GetFileName(file)), overwrite: true);
        }

        return path;
    }

    private static async Task<List<string>> ReferenceAlertsAsync(string path, List<string> batches)
    {
        var workspace = Init(path);
        using var server = ServeProcess.Start(workspace, null, NoModelTick);
        using var client = Client(server.BaseAddress, server.AdminKey!);
        for (var i = 0; i < batches.Count; i++)
        {
            (await SendAsync(client, batches[i], i)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await WaitForDetectionAsync(client);
        return await AlertsAsync(client);
    }

    /// <summary>The repository's sample events split into batches of about 4 lines, each batch tagged so it is distinct.</summary>
    private static List<string> SampleBatches()
    {
        var lines = File.ReadAllLines(RepoPaths.Repo("samples", "events.ndjson")).Where(l => l.Length > 0).ToList();
        var size = Math.Max(1, lines.Count / Batches);
        return [.. Enumerable.Range(0, Batches).Select(i => string.Join('\n', lines.Skip(i * size).Take(i == Batches - 1 ? int.MaxValue : size)) + "\n")];
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, int index)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Add("Idempotency-Key", $"batch-{index:D3}");
        return client.SendAsync(request);
    }

    private static async Task WaitForDetectionAsync(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetFromJsonAsync<ServerStatus>("/api/v1/status");
            if (status!.PendingBatches == 0 && status.QueuedBytes == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("detection did not catch up within 60 s");
    }

    /// <summary>Alerts as (detector, time, entities): ids depend on journal order, which a crash changes; what fired on what does not.</summary>
    private static async Task<List<string>> AlertsAsync(HttpClient client)
    {
        var alerts = await client.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?limit=1000");
        return [.. alerts!.Select(a => $"{a.Detector}|{a.Time:O}|{string.Join(',', a.Entities.Select(e => e.Name).Order(StringComparer.Ordinal))}")];
    }
}
