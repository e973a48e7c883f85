using System.Diagnostics.CodeAnalysis;

namespace Vigil.Response.Playbooks;

/// <summary>The names of <see cref="ResponseAction"/>s in YAML, which of them contain a threat and how each is undone.</summary>
internal static class ResponseActions
{
    private static readonly Dictionary<string, ResponseAction> ByName = new(StringComparer.Ordinal)
    {
        ["enrich"] = ResponseAction.Enrich,
        ["notify"] = ResponseAction.Notify,
        ["open_ticket"] = ResponseAction.OpenTicket,
        ["isolate_host"] = ResponseAction.IsolateHost,
        ["release_host"] = ResponseAction.ReleaseHost,
        ["disable_user"] = ResponseAction.DisableUser,
        ["enable_user"] = ResponseAction.EnableUser,
        ["block_ip"] = ResponseAction.BlockIp,
        ["unblock_ip"] = ResponseAction.UnblockIp,
        ["block_domain"] = ResponseAction.BlockDomain,
        ["unblock_domain"] = ResponseAction.UnblockDomain,
        ["kill_process"] = ResponseAction.KillProcess,
        ["revoke_sessions"] = ResponseAction.RevokeSessions,
    };

    private static readonly Dictionary<ResponseAction, string> Names = ByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>All action names, in declaration order, for error messages.</summary>
    public static string Known { get; } = string.Join(", ", ByName.Keys);

    /// <summary>Finds an action by its YAML name.</summary>
    /// <param name="name">The name, e.g. <c>isolate_host</c>.</param>
    /// <param name="action">The action found.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out ResponseAction action) => ByName.TryGetValue(name ?? string.Empty, out action);

    /// <summary>The YAML name of an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The name, e.g. <c>isolate_host</c>.</returns>
    public static string Name(ResponseAction action) => Names[action];

    /// <summary>Whether an action contains a threat (and so acts on an asset or identity).</summary>
    /// <param name="action">The action.</param>
    /// <returns>True for isolate_host, disable_user, block_ip, block_domain, kill_process and revoke_sessions.</returns>
    public static bool IsContainment(ResponseAction action) => action is ResponseAction.IsolateHost or ResponseAction.DisableUser
        or ResponseAction.BlockIp or ResponseAction.BlockDomain or ResponseAction.KillProcess or ResponseAction.RevokeSessions;

    /// <summary>The action that reverses another, if there is one.</summary>
    /// <param name="action">The action.</param>
    /// <param name="undo">The reversing action.</param>
    /// <returns>Whether the action can be reversed.</returns>
    public static bool TryGetUndo(ResponseAction action, [NotNullWhen(true)] out ResponseAction? undo)
    {
        undo = action switch
        {
            ResponseAction.IsolateHost => ResponseAction.ReleaseHost,
            ResponseAction.DisableUser => ResponseAction.EnableUser,
            ResponseAction.BlockIp => ResponseAction.UnblockIp,
            ResponseAction.BlockDomain => ResponseAction.UnblockDomain,
            _ => null,
        };
        return undo is not null;
    }
}
