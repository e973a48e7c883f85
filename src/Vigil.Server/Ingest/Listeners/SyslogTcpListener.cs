using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>
/// Receives syslog over TCP on <see cref="ServerOptions.SyslogAddress"/>:<see cref="ServerOptions.SyslogTcpPort"/>, with
/// the framing of each connection detected from its first byte (see <see cref="SyslogFrameDecoder"/>); each message
/// becomes one line of a <c>syslog-tcp</c> batch. Nothing is dropped when ingest refuses: the batch is offered again
/// after a short wait, the listener's bounded message queue fills, and connections stop being read, so the kernel's TCP
/// window pushes back on the senders. At most 256 connections are served at once (more are closed at once); a
/// connection silent for 5 minutes, or whose framing is malformed, is closed with a logged reason.
/// </summary>
internal sealed partial class SyslogTcpListener : BackgroundService
{
    private const int ReadBufferBytes = 16 * 1024;
    private const int ListenBacklog = 512;

    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SyslogTcpListener> _logger;
    private readonly SyslogBatcher _batcher;
    private readonly ConcurrentDictionary<long, Task> _live = new();
    private readonly WarningThrottle _overLimitWarning;
    private readonly WarningThrottle _truncatedWarning;
    private readonly WarningThrottle _acceptWarning;
    private readonly Counter _closed;
    private readonly Counter _truncatedMetric;
    private Socket? _socket;
    private long _nextId;
    private int _connections;
    private long _truncated;
    private long _malformed;
    private long _refused;

    /// <summary>Initializes a new instance of the <see cref="SyslogTcpListener"/> class.</summary>
    /// <param name="options">The server settings.</param>
    /// <param name="queue">Where batches go.</param>
    /// <param name="metrics">The server metrics.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SyslogTcpListener(ServerOptions options, IngestQueue queue, ServerMetrics metrics, TimeProvider time, ILogger<SyslogTcpListener> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _batcher = new SyslogBatcher(queue, metrics, time, ListenerConstants.SyslogTcpSource, lossy: false, logger);
        _overLimitWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
        _truncatedWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
        _acceptWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
        var factory = Metrics.WithCustomRegistry(metrics.Registry);
        _closed = factory.CreateCounter("vigil_syslog_tcp_closed_connections_total", "Syslog TCP connections closed by the server, by reason (over_limit, malformed, idle).", "reason");
        _truncatedMetric = factory.CreateCounter("vigil_syslog_truncated_messages_total", "Syslog TCP messages cut at the 64 KiB limit.");
    }

    /// <summary>Gets the port the listener is bound to (the real one when 0 was asked for); 0 before it starts.</summary>
    public int BoundPort { get; private set; }

    /// <summary>Gets the number of connections being served.</summary>
    public int ActiveConnections => Volatile.Read(ref _connections);

    /// <summary>Gets the number of connections closed on accept because 256 were already served.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    /// <summary>Gets the number of connections closed for malformed framing.</summary>
    public long MalformedConnections => Interlocked.Read(ref _malformed);

    /// <summary>Gets the number of messages cut at the 64 KiB limit.</summary>
    public long TruncatedMessages => Interlocked.Read(ref _truncated);

    /// <summary>Gets or sets how long a connection may stay silent before it is closed (5 minutes; tests shorten it before the start).</summary>
    internal TimeSpan IdleTimeout { get; set; } = ListenerConstants.TcpIdleTimeout;

    /// <summary>Binds and listens (so a port already in use fails the start), then starts accepting.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once accepting has started.</returns>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _socket = SyslogSockets.Bind(_options.SyslogAddress, _options.SyslogTcpPort ?? 0, SocketType.Stream);
        _socket.Listen(ListenBacklog);
        BoundPort = SyslogSockets.PortOf(_socket);
        LogListening(_logger, _options.SyslogAddress, BoundPort);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _socket?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _socket ?? throw new InvalidOperationException("The listener was not started.");
        var batching = _batcher.RunAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(stoppingToken);
                }
                catch (SocketException ex)
                {
                    // For example too many open files: wait a little rather than spin.
                    if (_acceptWarning.TryEnter())
                    {
                        LogAcceptFailed(_logger, ex, ex.SocketErrorCode);
                    }

                    await Task.Delay(ListenerConstants.TcpRetryDelay, _time, stoppingToken);
                    continue;
                }

                if (Interlocked.Increment(ref _connections) > ListenerConstants.MaxTcpConnections)
                {
                    Interlocked.Decrement(ref _connections);
                    Interlocked.Increment(ref _refused);
                    _closed.WithLabels("over_limit").Inc();
                    if (_overLimitWarning.TryEnter())
                    {
                        LogOverLimit(_logger, client.RemoteEndPoint?.ToString() ?? "unknown", ListenerConstants.MaxTcpConnections, RefusedConnections);
                    }

                    client.Dispose();
                    continue;
                }

                var id = ++_nextId;
                _live[id] = ServeAsync(id, client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the connections see the same token.
        }

        listener.Dispose();
        await Task.WhenAll(_live.Values);
        await batching;
    }

    private async Task ServeAsync(long id, Socket client, CancellationToken stoppingToken)
    {
        // Always finish asynchronously, so the task is in _live before its own finally removes it.
        await Task.Yield();
        var remote = client.RemoteEndPoint?.ToString() ?? "unknown";
        var decoder = new SyslogFrameDecoder(ListenerConstants.MaxMessageBytes);
        var buffer = new byte[ReadBufferBytes];
        var lines = new List<byte[]>();
        var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            while (true)
            {
                idle.CancelAfter(IdleTimeout);
                int read;
                try
                {
                    read = await client.ReceiveAsync(buffer, SocketFlags.None, idle.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    _closed.WithLabels("idle").Inc();
                    LogIdle(_logger, remote, IdleTimeout);
                    return;
                }

                if (!idle.TryReset())
                {
                    // The idle timer fired just as data came: start a fresh one (the data is kept).
                    idle.Dispose();
                    idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                }

                var truncatedBefore = decoder.Truncated;
                var error = read == 0 ? decoder.Complete(lines) : decoder.Decode(buffer.AsSpan(0, read), lines);
                CountTruncated(remote, decoder.Truncated - truncatedBefore);

                // Waits while the batcher is full: this connection is not read meanwhile (TCP backpressure).
                foreach (var line in lines)
                {
                    await _batcher.AddAsync(line, stoppingToken);
                }

                lines.Clear();
                if (error is not null)
                {
                    Interlocked.Increment(ref _malformed);
                    _closed.WithLabels("malformed").Inc();
                    LogMalformed(_logger, remote, error);
                    return;
                }

                if (read == 0)
                {
                    return;
                }
            }
        }
        catch (SocketException ex)
        {
            LogConnectionFailed(_logger, remote, ex.SocketErrorCode);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            idle.Dispose();
            client.Dispose();
            Interlocked.Decrement(ref _connections);
            _live.TryRemove(id, out _);
        }
    }

    private void CountTruncated(string remote, long count)
    {
        if (count == 0)
        {
            return;
        }

        var total = Interlocked.Add(ref _truncated, count);
        _truncatedMetric.Inc(count);
        if (_truncatedWarning.TryEnter())
        {
            LogTruncated(_logger, remote, ListenerConstants.MaxMessageBytes, total);
        }
    }

    [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "Syslog TCP listening on {Address} port {Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Warning,
        Message = "Syslog TCP connection from {Remote} closed: {Max} connections are already served ({Refused} refused in all; this warning shows at most once per 10 s)")]
    private static partial void LogOverLimit(ILogger logger, string remote, int max, long refused);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Warning, Message = "Syslog TCP connection from {Remote} closed: malformed framing, {Reason}")]
    private static partial void LogMalformed(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Information, Message = "Syslog TCP connection from {Remote} closed after {Timeout} without data")]
    private static partial void LogIdle(ILogger logger, string remote, TimeSpan timeout);

    [LoggerMessage(EventId = 4224, Level = LogLevel.Warning,
        Message = "Syslog TCP message from {Remote} cut at {Limit} bytes ({Total} cut in all; this warning shows at most once per 10 s)")]
    private static partial void LogTruncated(ILogger logger, string remote, int limit, long total);

    [LoggerMessage(EventId = 4225, Level = LogLevel.Debug, Message = "Syslog TCP connection from {Remote} failed: {Error}")]
    private static partial void LogConnectionFailed(ILogger logger, string remote, SocketError error);

    [LoggerMessage(EventId = 4226, Level = LogLevel.Warning, Message = "Syslog TCP accept failed ({Error}); retrying (this warning shows at most once per 10 s)")]
    private static partial void LogAcceptFailed(ILogger logger, Exception exception, SocketError error);
}
