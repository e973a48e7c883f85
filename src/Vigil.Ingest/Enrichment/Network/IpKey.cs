using System.Net;
using System.Net.Sockets;

namespace Vigil.Ingest.Enrichment.Network;

/// <summary>
/// IP addresses as 128-bit keys: IPv6 as is, IPv4 as its IPv4-mapped IPv6 form (<c>::ffff:a.b.c.d</c>), so
/// <c>::ffff:10.0.0.1</c> and <c>10.0.0.1</c> are the same key. IPv4 is parsed as four dotted decimals, each of one to
/// three digits, leading zeros allowed and read as decimal (<c>010.020.001.001</c> is <c>10.20.1.1</c>, never octal).
/// IPv6 may be bracketed and may carry a zone (<c>%eth0</c>, ignored).
/// </summary>
internal static class IpKey
{
    /// <summary>The prefix length of IPv4 space inside the mapped form.</summary>
    public const int V4Offset = 96;

    private const int MaxText = 64;

    private static readonly UInt128 V4Mapped = (UInt128)0xFFFF << 32;

    public static bool IsV4(UInt128 key) => key >> 32 == 0xFFFF;

    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 key)
    {
        text = text.Trim();
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        if (text.Length is 0 or > MaxText)
        {
            key = default;
            return false;
        }

        if (text.Contains(':'))
        {
            return TryParseV6(text, out key);
        }

        if (TryParseV4(text, out var v4))
        {
            key = V4Mapped | v4;
            return true;
        }

        key = default;
        return false;
    }

    /// <summary>Parses <c>address</c> or <c>address/length</c> (a bare address is a host prefix); host bits are cleared.</summary>
    public static bool TryParsePrefix(ReadOnlySpan<char> text, out UInt128 key, out int length)
    {
        text = text.Trim();
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        if (!TryParse(address, out key))
        {
            length = 0;
            return false;
        }

        var max = IsV4(key) && !address.Contains(':') ? 32 : 128;
        if (slash < 0)
        {
            length = 128;
            return true;
        }

        if (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length)
            || length > max)
        {
            return false;
        }

        if (max == 32)
        {
            length += V4Offset;
        }

        key &= Mask(length);
        return true;
    }

    public static UInt128 Mask(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    /// <summary>The usual text of a key: dotted IPv4 for mapped addresses, compressed IPv6 otherwise.</summary>
    public static string Format(UInt128 key)
    {
        if (IsV4(key))
        {
            var v = (uint)(key & uint.MaxValue);
            return $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}";
        }

        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 16; i++)
        {
            bytes[i] = (byte)(key >> (8 * (15 - i)));
        }

        return new IPAddress(bytes).ToString();
    }

    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 key)
    {
        key = default;
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out _))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            key = (key << 8) | b;
        }

        return true;
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var part = 0;
            var digits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                part = (part * 10) + (text[i] - '0');
                i++;
                if (++digits > 3)
                {
                    return false;
                }
            }

            if (digits == 0 || part > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)part;
            parts++;
            if (i == text.Length)
            {
                return parts == 4;
            }

            if (text[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }
}
