using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Vigil.Server.Endpoints;
using Vigil.Server.Feedback;
using Vigil.Server.Ingest;
using Vigil.Server.Pipeline;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Hosting;

/// <summary>Builds the <c>vigil serve</c> web application: services, authentication, endpoints and background workers.</summary>
public static class VigilServer
{
    /// <summary>Builds the application (not started).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="pipeline">The detection pipeline; the application disposes it.</param>
    /// <param name="configureLogging">Adjusts logging (the CLI keeps it terse), or null for the defaults.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <returns>The application.</returns>
    public static WebApplication Build(ServerOptions options, IDetectionPipeline pipeline, Action<ILoggingBuilder>? configureLogging = null, TimeProvider? time = null)
        => Build(options, pipeline, configureLogging, time, response: null);

    /// <summary>Builds the application with governed response: new alerts go to the engine, and the actions API is mapped.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="pipeline">The detection pipeline.</param>
    /// <param name="configureLogging">Adjusts logging, or null.</param>
    /// <param name="time">The clock, or null.</param>
    /// <param name="response">The response engine (playbooks, decision rights, audit log, executors), or null for none.</param>
    /// <returns>The application.</returns>
    internal static WebApplication Build(
        ServerOptions options, IDetectionPipeline pipeline, Action<ILoggingBuilder>? configureLogging, TimeProvider? time, Vigil.Response.Engine.ResponseEngine? response)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(VigilServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes + 1);
        configureLogging?.Invoke(builder.Logging);
        var clock = time ?? TimeProvider.System;
        var store = ServerStore.Open(options.DatabasePath, clock);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton(store);
        services.AddSingleton(pipeline);
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<DetectionSignal>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IAlertScorer, DetectorScorer>();
        services.AddFeedback();
        services.AddHostedService<JournalWriter>();
        services.AddSingleton<DetectionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DetectionWorker>());
        Ingest.Listeners.ListenerServiceCollectionExtensions.AddIngestListeners(services, options);
        if (response is not null)
        {
            services.AddSingleton(response);
            services.AddSingleton<Response.ResponseWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<Response.ResponseWorker>());
        }

        services.AddProblemDetails();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Ingest, p => p.RequireRole(Roles.Satisfying(Roles.Ingest)))
            .AddPolicy(Roles.Viewer, p => p.RequireRole(Roles.Satisfying(Roles.Viewer)))
            .AddPolicy(Roles.Analyst, p => p.RequireRole(Roles.Satisfying(Roles.Analyst)))
            .AddPolicy(Roles.Approver, p => p.RequireRole(Roles.Satisfying(Roles.Approver)))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Satisfying(Roles.Admin)));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiSecurityTransformer>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(pipeline.Dispose);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServerMetrics>().Registry).RequireRole(Roles.Viewer);
        app.MapStatusApi();
        app.MapIngestApi();
        app.MapAlertsApi();
        app.MapIncidentsApi();
        app.MapAdminApi();
        app.MapFeedbackApi();
        if (response is not null)
        {
            app.MapActionsApi();
        }

        return app;
    }

    /// <summary>Gets the addresses the started application listens on (with the real ports when 0 was asked for).</summary>
    /// <param name="app">The started application.</param>
    /// <returns>The addresses.</returns>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    /// <summary>Creates an API key in the server's store (the CLI's first start and <c>vigil keys</c>).</summary>
    /// <param name="databasePath">The database file.</param>
    /// <param name="name">The key name.</param>
    /// <param name="role">The role.</param>
    /// <param name="createdBy">Who creates it.</param>
    /// <returns>The key id and secret.</returns>
    public static (string Id, string Secret) CreateKey(string databasePath, string name, string role, string createdBy)
    {
        var (key, secret) = ServerStore.Open(databasePath).CreateKey(name, role, createdBy);
        return (key.Id, secret);
    }

    /// <summary>Whether the server's store has any API key yet.</summary>
    /// <param name="databasePath">The database file.</param>
    /// <returns>True when it has.</returns>
    public static bool HasKeys(string databasePath) => ServerStore.Open(databasePath).HasKeys();
}
