using Vigil.Cli.Setup;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Serving;

/// <summary>What <c>vigil serve</c> runs.</summary>
internal sealed record ServeSettings
{
    /// <summary>Gets the workspace folders (rules, models, context).</summary>
    public required Workspace Workspace { get; init; }

    /// <summary>Gets the workspace folder itself (playbooks/, policy/).</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>Gets where response actions are sent, or null for shadow mode.</summary>
    public Uri? ActionWebhook { get; init; }

    /// <summary>Gets where escalations go, or null for the console.</summary>
    public Uri? EscalationWebhook { get; init; }

    /// <summary>Gets the detection settings.</summary>
    public required DetectionSetupOptions Detection { get; init; }

    /// <summary>Gets the server settings.</summary>
    public required ServerOptions Server { get; init; }
}
