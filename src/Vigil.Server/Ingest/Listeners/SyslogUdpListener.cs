using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>
/// Receives syslog over UDP on <see cref="ServerOptions.SyslogAddress"/>:<see cref="ServerOptions.SyslogUdpPort"/>: each
/// datagram (at most 64 KiB) is one message and becomes one line of a <c>syslog-udp</c> batch. UDP cannot push back, so
/// messages that ingest refuses (busy, detection backlog) are dropped, counted in <see cref="Dropped"/> and the
/// <c>vigil_syslog_dropped_messages_total</c> metric, and warned about at most once per 10 seconds.
/// </summary>
internal sealed partial class SyslogUdpListener : BackgroundService
{
    /// <summary>The receive buffer asked of the kernel, so bursts wait there rather than being dropped (the kernel may cap it).</summary>
    private const int SocketReceiveBufferBytes = 4 << 20;

    private readonly ServerOptions _options;
    private readonly SyslogBatcher _batcher;
    private readonly WarningThrottle _errorWarning;
    private readonly ILogger<SyslogUdpListener> _logger;
    private Socket? _socket;
    private long _received;

    /// <summary>Initializes a new instance of the <see cref="SyslogUdpListener"/> class.</summary>
    /// <param name="options">The server settings.</param>
    /// <param name="queue">Where batches go.</param>
    /// <param name="metrics">The server metrics.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SyslogUdpListener(ServerOptions options, IngestQueue queue, ServerMetrics metrics, TimeProvider time, ILogger<SyslogUdpListener> logger)
    {
        _options = options;
        _logger = logger;
        _batcher = new SyslogBatcher(queue, metrics, time, ListenerConstants.SyslogUdpSource, lossy: true, logger);
        _errorWarning = new WarningThrottle(time, ListenerConstants.WarningInterval);
    }

    /// <summary>Gets the port the listener is bound to (the real one when 0 was asked for); 0 before it starts.</summary>
    public int BoundPort { get; private set; }

    /// <summary>Gets the number of non-blank datagrams received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Gets the number of messages dropped because ingest refused them.</summary>
    public long Dropped => _batcher.Dropped;

    /// <summary>Binds the socket (so a port already in use fails the start), then starts receiving.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once receiving has started.</returns>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _socket = SyslogSockets.Bind(_options.SyslogAddress, _options.SyslogUdpPort ?? 0, SocketType.Dgram);
        _socket.ReceiveBufferSize = SocketReceiveBufferBytes;
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
        var socket = _socket ?? throw new InvalidOperationException("The listener was not started.");
        var batching = _batcher.RunAsync(stoppingToken);
        var buffer = new byte[ListenerConstants.MaxMessageBytes];
        while (!stoppingToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException ex)
            {
                // For example a datagram larger than the buffer (Windows) or an ICMP error reported on the socket.
                if (_errorWarning.TryEnter())
                {
                    LogReceiveFailed(_logger, ex, ex.SocketErrorCode);
                }

                continue;
            }

            if (SyslogMessages.ToLine(buffer.AsSpan(0, read)) is { } line)
            {
                Interlocked.Increment(ref _received);
                _batcher.Add(line);
            }
        }

        socket.Dispose();
        await batching;
    }

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Syslog UDP listening on {Address} port {Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Syslog UDP receive failed ({Error}); receiving goes on (this warning shows at most once per 10 s)")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, SocketError error);
}
