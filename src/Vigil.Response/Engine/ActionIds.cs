using System.Security.Cryptography;
using System.Text;

namespace Vigil.Response.Engine;

/// <summary>Stable action ids: the same alert, playbook and step always give the same id.</summary>
internal static class ActionIds
{
    /// <summary>The id of a step's action for an alert: <c>act-</c> and 24 hex digits of a SHA-256.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="playbook">The playbook name.</param>
    /// <param name="stepId">The step id.</param>
    /// <returns>The id.</returns>
    public static string For(string alertId, string playbook, string stepId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(stepId);
        return "act-" + Hash($"{alertId.Length}:{alertId}|{playbook.Length}:{playbook}|{stepId}", 12);
    }

    /// <summary>A short stable hash of a text (8 hex digits), for idempotency-key suffixes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static string Short(string text) => Hash(text ?? string.Empty, 4);

    private static string Hash(string text, int bytes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));
}
