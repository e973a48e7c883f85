using System.Net;
using System.Net.Sockets;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// The forms entities are compared in (always ignoring case): <c>CORP\jdoe</c> and <c>jdoe@corp.example</c> are the user
/// <c>jdoe</c>; <c>ws-0142.corp.example</c> is the host <c>ws-0142</c>; addresses are compared as parsed IP addresses.
/// </summary>
internal static class EntityNormalizer
{
    /// <summary>The user name without a <c>DOMAIN\</c> prefix or an <c>@domain</c> suffix, trimmed.</summary>
    /// <param name="value">The user as logged.</param>
    /// <returns>The name to compare (a slice; empty when there is none).</returns>
    public static ReadOnlySpan<char> User(ReadOnlySpan<char> value)
    {
        var text = value.Trim();
        var backslash = text.LastIndexOf('\\');
        if (backslash >= 0)
        {
            text = text[(backslash + 1)..];
        }

        var at = text.IndexOf('@');
        if (at >= 0)
        {
            text = text[..at];
        }

        return text.Trim();
    }

    /// <summary>The first label of a host name (<c>ws-0142.corp.example</c> → <c>ws-0142</c>), trimmed.</summary>
    /// <param name="value">The host as logged; call <see cref="TryAddress"/> first, as an IP address has no labels.</param>
    /// <returns>The name to compare (a slice; empty when there is none).</returns>
    public static ReadOnlySpan<char> Host(ReadOnlySpan<char> value)
    {
        var text = value.Trim();
        var dot = text.IndexOf('.');
        return dot >= 0 ? text[..dot] : text;
    }

    /// <summary>
    /// Parses an IP address written as a dotted quad or in IPv6 notation (optionally in brackets or with a zone), and
    /// returns it in the form compared: IPv4-mapped IPv6 addresses become IPv4, zones are dropped.
    /// Short IPv4 forms such as <c>10</c> or <c>10.1</c> are not taken as addresses (they are host names here).
    /// </summary>
    /// <param name="value">The text.</param>
    /// <param name="address">The address.</param>
    /// <returns>Whether the text is an IP address.</returns>
    public static bool TryAddress(ReadOnlySpan<char> value, out IPAddress address)
    {
        var text = value.Trim();
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        address = IPAddress.None;
        if (!LooksLikeAddress(text) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            parsed = parsed.MapToIPv4();
        }
        else if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId != 0)
        {
            parsed = new IPAddress(parsed.GetAddressBytes());
        }

        address = parsed;
        return true;
    }

    /// <summary>Whether the text is written like an IP address (IPv6 notation, or four dot-separated groups of digits).</summary>
    /// <param name="text">The trimmed text.</param>
    /// <returns>Whether it is.</returns>
    public static bool LooksLikeAddress(ReadOnlySpan<char> text)
    {
        if (text.Contains(':'))
        {
            return true;
        }

        // IPv4: exactly four dot-separated groups of digits.
        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 3;
    }
}
