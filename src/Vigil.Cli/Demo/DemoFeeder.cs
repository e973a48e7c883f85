using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Cli.Demo;

/// <summary>
/// Sends simulated log files to a running server the way live sources would: in time order, an hour of activity at a
/// time, each format to the ingest endpoint in its own format (Windows XML, CEF, syslog, CloudTrail), each batch with an
/// idempotency key. The files are line-oriented (one event a line inside the XML and CloudTrail wrappers), which is what
/// lets them be cut by time.
/// </summary>
internal static partial class DemoFeeder
{
    /// <summary>Sends every file, an hour of event time per round.</summary>
    /// <param name="logs">The simulator's logs folder.</param>
    /// <param name="client">A client with an ingest key.</param>
    /// <param name="afterHour">Called after each hour is sent (for progress).</param>
    /// <param name="cancellationToken">Stops sending.</param>
    /// <returns>How many events and batches were sent.</returns>
    public static async Task<(long Events, int Batches)> FeedAsync(string logs, HttpClient client, Func<DateTimeOffset, Task> afterHour, CancellationToken cancellationToken)
    {
        var lines = new List<(DateTimeOffset Time, Kind Kind, string Line)>();
        foreach (var (file, kind) in Files)
        {
            var path = Path.Combine(logs, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var last = -1;
            foreach (var line in File.ReadLines(path))
            {
                if (TimeOf(kind, line) is { } time)
                {
                    lines.Add((time, kind, line));
                    last = lines.Count - 1;
                }
                else if (last >= 0 && !IsWrapper(line))
                {
                    // A value with a line break inside (an XML event's message): the line continues the previous event.
                    lines[last] = lines[last] with { Line = lines[last].Line + "\n" + line };
                }
            }
        }

        lines.Sort((a, b) => a.Time.CompareTo(b.Time));
        long events = 0;
        var batches = 0;
        foreach (var hour in lines.GroupBy(l => new DateTimeOffset(l.Time.Year, l.Time.Month, l.Time.Day, l.Time.Hour, 0, 0, TimeSpan.Zero)))
        {
            foreach (var group in hour.GroupBy(l => l.Kind))
            {
                var body = Body(group.Key, group.Select(l => l.Line));
                var path = $"/api/v1/events?format={FormatOf(group.Key)}&source=demo-{group.Key.ToString().ToLowerInvariant()}";
                var key = string.Create(CultureInfo.InvariantCulture, $"demo-{group.Key}-{hour.Key:yyyyMMddHH}");
                await SendWithRetryAsync(client, path, body, key, cancellationToken);
                events += group.Count();
                batches++;
            }

            await afterHour(hour.Key);
        }

        return (events, batches);
    }

    /// <summary>Sends a batch; on 429 or 503 waits the Retry-After the server gave and sends it again (same idempotency key).</summary>
    private static async Task SendWithRetryAsync(HttpClient client, string path, string body, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if ((int)response.StatusCode is not (429 or 503) || attempt > 120)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new CliFatalException($"the server refused a demo batch: {(int)response.StatusCode} {detail}");
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static readonly (string File, Kind Kind)[] Files =
    [
        ("windows-security.xml", Kind.Windows), ("sysmon.xml", Kind.Sysmon), ("linux-auth.log", Kind.Syslog),
        ("vpn.cef", Kind.Vpn), ("firewall.cef", Kind.Firewall), ("cloudtrail.json", Kind.CloudTrail),
    ];

    private static string FormatOf(Kind kind) => kind switch
    {
        Kind.Windows or Kind.Sysmon => "xml",
        Kind.Syslog => "syslog",
        Kind.Vpn or Kind.Firewall => "cef",
        _ => "cloudtrail",
    };

    private static string Body(Kind kind, IEnumerable<string> lines) => kind switch
    {
        Kind.Windows or Kind.Sysmon => "<Events>\n" + string.Join('\n', lines) + "\n</Events>\n",
        Kind.CloudTrail => "{\"Records\":[\n" + string.Join(",\n", lines.Select(l => l.TrimEnd().TrimEnd(','))) + "\n]}\n",
        _ => string.Join('\n', lines) + "\n",
    };

    private static bool IsWrapper(string line)
        => line.StartsWith("<?xml", StringComparison.Ordinal) || line is "<Events>" or "</Events>" or "{\"Records\":[" or "]}" or "";

    private static DateTimeOffset? TimeOf(Kind kind, string line)
    {
        var match = kind switch
        {
            Kind.Windows or Kind.Sysmon => XmlTime().Match(line),
            Kind.Syslog => SyslogTime().Match(line),
            Kind.Vpn or Kind.Firewall => CefTime().Match(line),
            _ => CloudTrailTime().Match(line),
        };
        if (!match.Success)
        {
            return null;
        }

        var text = match.Groups[1].Value;
        return kind is Kind.Vpn or Kind.Firewall
            ? DateTimeOffset.ParseExact(text, "MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex("SystemTime=\"([^\"]+)\"")]
    private static partial Regex XmlTime();

    [GeneratedRegex(@"^<\d+>(\S+)")]
    private static partial Regex SyslogTime();

    [GeneratedRegex(@"rt=(\w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2}) UTC")]
    private static partial Regex CefTime();

    [GeneratedRegex("\"eventTime\":\"([^\"]+)\"")]
    private static partial Regex CloudTrailTime();

    private enum Kind
    {
        Windows,
        Sysmon,
        Syslog,
        Vpn,
        Firewall,
        CloudTrail,
    }
}
