using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Renders EVTX scalar values as text the way Windows writes them in event XML: integers in decimal, <c>HexInt32</c>/<c>HexInt64</c>
/// and <c>SizeT</c> as <c>0x%08x</c>/<c>0x%016x</c>, GUIDs as <c>{XXXXXXXX-...}</c> (upper case), FILETIME and SYSTEMTIME as
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c> (nine digits, as <c>wevtutil</c> and <c>evtxexport</c> print them), SIDs as
/// <c>S-1-5-...</c>, binary as upper-case hex, booleans as <c>true</c>/<c>false</c>, strings without trailing NULs.
/// Writes into a caller-owned, growable char buffer: nothing is allocated per value.
/// </summary>
internal static class EvtxValueFormatter
{
    private const string HexDigits = "0123456789ABCDEF";
    private const string LowerHexDigits = "0123456789abcdef";

    /// <summary>Renders one scalar value (not an array, not binary XML) into <paramref name="buffer"/> from 0.</summary>
    /// <param name="type">The value type (without the array flag).</param>
    /// <param name="data">The value bytes.</param>
    /// <param name="buffer">The destination, grown as needed.</param>
    /// <returns>The number of chars written.</returns>
    /// <exception cref="InvalidDataException">The value is shorter than its type needs.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Render(byte type, ReadOnlySpan<byte> data, ref char[] buffer)
    {
        var needed = type switch
        {
            EvtxValueType.String or EvtxValueType.AnsiString => data.Length,
            EvtxValueType.Binary => data.Length * 2,
            EvtxValueType.Sid => 16 + (data.Length * 11 / 4),
            _ => 64,
        };
        if (buffer.Length < needed)
        {
            buffer = new char[Math.Max(needed, buffer.Length * 2)];
        }

        var dest = buffer.AsSpan();
        int written;
        switch (type)
        {
            case EvtxValueType.Null or EvtxValueType.EvtHandle:
                return 0;
            case EvtxValueType.String:
                var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);
                chars = chars.TrimEnd('\0');
                chars.CopyTo(dest);
                return chars.Length;
            case EvtxValueType.AnsiString:
                var bytes = data.TrimEnd((byte)0);
                for (var i = 0; i < bytes.Length; i++)
                {
                    dest[i] = (char)bytes[i];
                }

                return bytes.Length;
            case EvtxValueType.Int8:
                ((sbyte)Need(data, 1)[0]).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.UInt8:
                Need(data, 1)[0].TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Int16:
                BinaryPrimitives.ReadInt16LittleEndian(Need(data, 2)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.UInt16:
                BinaryPrimitives.ReadUInt16LittleEndian(Need(data, 2)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Int32:
                BinaryPrimitives.ReadInt32LittleEndian(Need(data, 4)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.UInt32:
                BinaryPrimitives.ReadUInt32LittleEndian(Need(data, 4)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Int64:
                BinaryPrimitives.ReadInt64LittleEndian(Need(data, 8)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.UInt64:
                BinaryPrimitives.ReadUInt64LittleEndian(Need(data, 8)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Real32:
                BinaryPrimitives.ReadSingleLittleEndian(Need(data, 4)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Real64:
                BinaryPrimitives.ReadDoubleLittleEndian(Need(data, 8)).TryFormat(dest, out written, provider: CultureInfo.InvariantCulture);
                return written;
            case EvtxValueType.Bool:
                var value = data.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(data) : Need(data, 1)[0];
                (value != 0 ? "true" : "false").CopyTo(dest);
                return value != 0 ? 4 : 5;
            case EvtxValueType.Binary:
                for (var i = 0; i < data.Length; i++)
                {
                    dest[2 * i] = HexDigits[data[i] >> 4];
                    dest[(2 * i) + 1] = HexDigits[data[i] & 0xf];
                }

                return data.Length * 2;
            case EvtxValueType.Guid:
                return RenderGuid(Need(data, 16), dest);
            case EvtxValueType.SizeT:
                return data.Length >= 8
                    ? Hex(BinaryPrimitives.ReadUInt64LittleEndian(data), 16, dest)
                    : Hex(BinaryPrimitives.ReadUInt32LittleEndian(Need(data, 4)), 8, dest);
            case EvtxValueType.HexInt32:
                return Hex(BinaryPrimitives.ReadUInt32LittleEndian(Need(data, 4)), 8, dest);
            case EvtxValueType.HexInt64:
                return Hex(BinaryPrimitives.ReadUInt64LittleEndian(Need(data, 8)), 16, dest);
            case EvtxValueType.FileTime:
                return RenderFileTime(BinaryPrimitives.ReadInt64LittleEndian(Need(data, 8)), dest);
            case EvtxValueType.SystemTime:
                return RenderSystemTime(Need(data, 16), dest);
            case EvtxValueType.Sid:
                return RenderSid(data, dest);
            default:
                // Unknown types (and binary XML in a place where only text fits): their bytes as hex.
                return Render(EvtxValueType.Binary, data, ref buffer);
        }
    }

    /// <summary>Gets the size of one item of a fixed-size array type, or 0 for variable-size types.</summary>
    /// <param name="type">The item type.</param>
    /// <param name="valueSize">The whole value's size (for SizeT, whose item size depends on the writer).</param>
    /// <returns>The item size, or 0.</returns>
    public static int ItemSize(byte type, int valueSize) => type switch
    {
        EvtxValueType.Int8 or EvtxValueType.UInt8 => 1,
        EvtxValueType.Int16 or EvtxValueType.UInt16 => 2,
        EvtxValueType.Int32 or EvtxValueType.UInt32 or EvtxValueType.Real32 or EvtxValueType.Bool or EvtxValueType.HexInt32 => 4,
        EvtxValueType.Int64 or EvtxValueType.UInt64 or EvtxValueType.Real64 or EvtxValueType.HexInt64 or EvtxValueType.FileTime => 8,
        EvtxValueType.Guid or EvtxValueType.SystemTime => 16,
        EvtxValueType.SizeT => valueSize % 8 == 0 ? 8 : 4,
        _ => 0,
    };

    /// <summary>Renders FILETIME (100 ns units since 1601) as <c>yyyy-MM-ddTHH:mm:ss.fffffff00Z</c>.</summary>
    /// <param name="fileTime">The FILETIME.</param>
    /// <param name="dest">At least 30 chars.</param>
    /// <returns>The chars written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int RenderFileTime(long fileTime, Span<char> dest)
    {
        var ticks = fileTime + WindowsEventFieldWriter.FileTimeEpochTicks;
        if (fileTime < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return Hex((ulong)fileTime, 16, dest);
        }

        // Digit by digit (the DateTime formatting machinery is several times slower): the year is 1601 or later here.
        DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc)).Deconstruct(out var year, out var month, out var day);
        var timeOfDay = ticks % TimeSpan.TicksPerDay;
        var seconds = (int)(timeOfDay / TimeSpan.TicksPerSecond);
        WriteDate(year, month, day, dest);
        WriteTime(seconds / 3600, seconds / 60 % 60, seconds % 60, dest);
        WriteDigits((int)(timeOfDay % TimeSpan.TicksPerSecond), 7, dest.Slice(20, 7));
        "00Z".CopyTo(dest[27..]);
        return 30;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RenderSystemTime(ReadOnlySpan<byte> data, Span<char> dest)
    {
        var year = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var month = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        var day = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        var hour = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        var minute = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        var second = BinaryPrimitives.ReadUInt16LittleEndian(data[12..]);
        var millisecond = BinaryPrimitives.ReadUInt16LittleEndian(data[14..]);
        if (year > 9999 || month > 99 || day > 99 || hour > 99 || minute > 99 || second > 99 || millisecond > 999)
        {
            // Out of range for the fixed-width layout: as wide as the fields need.
            var ok = dest.TryWrite(
                CultureInfo.InvariantCulture,
                $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}.{millisecond:D3}000000Z",
                out var written);
            return ok ? written : 0;
        }

        WriteDate(year, month, day, dest);
        WriteTime(hour, minute, second, dest);
        WriteDigits(millisecond, 3, dest.Slice(20, 3));
        "000000Z".CopyTo(dest[23..]);
        return 30;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> at 0 and the <c>T</c> after it (each value already known to fit).</summary>
    private static void WriteDate(int year, int month, int day, Span<char> dest)
    {
        WriteDigits(year, 4, dest[..4]);
        dest[4] = '-';
        WriteDigits(month, 2, dest.Slice(5, 2));
        dest[7] = '-';
        WriteDigits(day, 2, dest.Slice(8, 2));
        dest[10] = 'T';
    }

    /// <summary>Writes <c>HH:mm:ss.</c> at 11.</summary>
    private static void WriteTime(int hour, int minute, int second, Span<char> dest)
    {
        WriteDigits(hour, 2, dest.Slice(11, 2));
        dest[13] = ':';
        WriteDigits(minute, 2, dest.Slice(14, 2));
        dest[16] = ':';
        WriteDigits(second, 2, dest.Slice(17, 2));
        dest[19] = '.';
    }

    /// <summary>Writes the <paramref name="count"/> low decimal digits of <paramref name="value"/>, zero-padded.</summary>
    private static void WriteDigits(int value, int count, Span<char> dest)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            dest[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RenderGuid(ReadOnlySpan<byte> data, Span<char> dest)
    {
        var pos = 0;
        dest[pos++] = '{';
        pos += HexBytes(BinaryPrimitives.ReadUInt32LittleEndian(data), 8, dest[pos..]);
        dest[pos++] = '-';
        pos += HexBytes(BinaryPrimitives.ReadUInt16LittleEndian(data[4..]), 4, dest[pos..]);
        dest[pos++] = '-';
        pos += HexBytes(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), 4, dest[pos..]);
        dest[pos++] = '-';
        for (var i = 8; i < 16; i++)
        {
            if (i == 10)
            {
                dest[pos++] = '-';
            }

            dest[pos++] = HexDigits[data[i] >> 4];
            dest[pos++] = HexDigits[data[i] & 0xf];
        }

        dest[pos++] = '}';
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RenderSid(ReadOnlySpan<byte> data, Span<char> dest)
    {
        if (data.Length < 8)
        {
            return Render(EvtxValueType.Binary, data, dest);
        }

        var count = Math.Min(data[1], (data.Length - 8) / 4);
        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | data[i];
        }

        var pos = 0;
        "S-".CopyTo(dest);
        pos += 2;
        data[0].TryFormat(dest[pos..], out var n, provider: CultureInfo.InvariantCulture);
        pos += n;
        dest[pos++] = '-';
        if (authority >= 1UL << 32)
        {
            pos += Hex(authority, 12, dest[pos..]);
        }
        else
        {
            authority.TryFormat(dest[pos..], out n, provider: CultureInfo.InvariantCulture);
            pos += n;
        }

        for (var i = 0; i < count; i++)
        {
            dest[pos++] = '-';
            BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (4 * i))..]).TryFormat(dest[pos..], out n, provider: CultureInfo.InvariantCulture);
            pos += n;
        }

        return pos;
    }

    private static int Render(byte type, ReadOnlySpan<byte> data, Span<char> dest)
    {
        _ = type;
        for (var i = 0; i < data.Length; i++)
        {
            dest[2 * i] = HexDigits[data[i] >> 4];
            dest[(2 * i) + 1] = HexDigits[data[i] & 0xf];
        }

        return data.Length * 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hex(ulong value, int digits, Span<char> dest)
    {
        dest[0] = '0';
        dest[1] = 'x';
        for (var i = digits - 1; i >= 0; i--)
        {
            dest[2 + i] = LowerHexDigits[(int)(value & 0xf)];
            value >>= 4;
        }

        return digits + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HexBytes(ulong value, int digits, Span<char> dest)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            dest[i] = HexDigits[(int)(value & 0xf)];
            value >>= 4;
        }

        return digits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> data, int size)
    {
        if (data.Length < size)
        {
            ThrowTooShort(data.Length, size);
        }

        return data;
    }

    [DoesNotReturn]
    private static void ThrowTooShort(int length, int size)
        => throw new InvalidDataException($"a value of {length} bytes is too short for its type ({size} bytes)");
}
