using Vigil.Cli.Setup;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Serving;

/// <summary>What <c>vigil serve</c> runs.</summary>
internal sealed record ServeSettings
{
    /// <summary>Gets the workspace folders (rules, models, context).</summary>
    public required Workspace Workspace { get; init; }

    /// <summary>Gets the detection settings.</summary>
    public required DetectionSetupOptions Detection { get; init; }

    /// <summary>Gets the server settings.</summary>
    public required ServerOptions Server { get; init; }
}
