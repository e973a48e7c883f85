namespace Vigil.Server.Ingest.Listeners;

/// <summary>The names, limits and timings of the syslog listeners and the folder watcher (documented in docs/server.md).</summary>
internal static class ListenerConstants
{
    /// <summary>The journal source of syslog messages received over UDP.</summary>
    public const string SyslogUdpSource = "syslog-udp";

    /// <summary>The journal source of syslog messages received over TCP.</summary>
    public const string SyslogTcpSource = "syslog-tcp";

    /// <summary>The journal source of files taken from the watched folder.</summary>
    public const string FolderSource = "folder";

    /// <summary>The format of syslog batches: one message per line.</summary>
    public const string SyslogFormat = "syslog";

    /// <summary>The format of watched files: detected by the pipeline from the content (gzip transparently).</summary>
    public const string FolderFormat = "auto";

    /// <summary>The longest syslog message (and UDP datagram) read, in bytes: 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>A syslog batch is offered once it holds this many messages.</summary>
    public const int MaxBatchMessages = 1_000;

    /// <summary>A syslog batch is offered once it holds this many bytes: 1 MiB.</summary>
    public const int MaxBatchBytes = 1 << 20;

    /// <summary>The most messages a syslog listener holds between its sockets and its batch.</summary>
    public const int QueuedMessages = 2_048;

    /// <summary>The most concurrent syslog TCP connections; more are closed as soon as they are accepted.</summary>
    public const int MaxTcpConnections = 256;

    /// <summary>The name of the watched folder's subfolder that takes journaled files.</summary>
    public const string ProcessedFolder = "processed";

    /// <summary>The name of the watched folder's subfolder that takes files that could not be read.</summary>
    public const string FailedFolder = "failed";

    /// <summary>The largest binary (EVTX, gzip) or whole-document file the folder watcher journals as one batch: 256 MiB.</summary>
    public const long MaxWholeFileBytes = 256L << 20;

    /// <summary>Gets how long a syslog batch waits for more messages after its first: 200 ms.</summary>
    public static TimeSpan BatchWindow { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets how long a syslog TCP connection may stay silent before it is closed: 5 minutes.</summary>
    public static TimeSpan TcpIdleTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how long the TCP listener waits before offering a refused batch again: 250 ms.</summary>
    public static TimeSpan TcpRetryDelay { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the shortest time between two warnings of the same kind (drops, refusals, truncations): 10 seconds.</summary>
    public static TimeSpan WarningInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long a stopping listener waits for its last batch to be journaled: 5 seconds.</summary>
    public static TimeSpan StopFlushTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how often the watched folder is listed, and how long the folder watcher waits when ingest refuses: 1 second.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);
}
