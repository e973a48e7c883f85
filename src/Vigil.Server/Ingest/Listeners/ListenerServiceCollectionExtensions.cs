using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ingest.Listeners;

/// <summary>Registers the non-HTTP ingest listeners.</summary>
internal static class ListenerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the listeners whose option is set: syslog UDP (<see cref="ServerOptions.SyslogUdpPort"/>), syslog TCP
    /// (<see cref="ServerOptions.SyslogTcpPort"/>) and the folder watcher (<see cref="ServerOptions.WatchFolder"/>). Each is
    /// a singleton (so its bound port and counters can be read) run as a hosted service. Call it after the journal writer
    /// is registered: hosted services stop in reverse order, so the listeners stop first and their last batches can still
    /// be journaled.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The server settings.</param>
    /// <returns>The services.</returns>
    internal static IServiceCollection AddIngestListeners(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SyslogUdpPort is not null)
        {
            services.AddSingleton<SyslogUdpListener>();
            services.AddHostedService(sp => sp.GetRequiredService<SyslogUdpListener>());
        }

        if (options.SyslogTcpPort is not null)
        {
            services.AddSingleton<SyslogTcpListener>();
            services.AddHostedService(sp => sp.GetRequiredService<SyslogTcpListener>());
        }

        if (!string.IsNullOrWhiteSpace(options.WatchFolder))
        {
            services.AddSingleton<FolderWatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<FolderWatcher>());
        }

        return services;
    }
}
