using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// The CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) that EVTX headers and chunks are checked with: folding with
/// carry-less multiplication (PCLMULQDQ, as in zlib's <c>crc32_simd.c</c>) for runs of 64 bytes and more where the CPU
/// has it, slicing by 8 otherwise and for the tail.
/// </summary>
internal static class EvtxCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues a CRC over <paramref name="data"/>.</summary>
    /// <param name="crc">The running value: start with <c>0</c>.</param>
    /// <param name="data">The bytes.</param>
    /// <returns>The CRC of everything so far.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        crc = ~crc;
        if (Pclmulqdq.IsSupported && Sse2.IsSupported && data.Length >= 64)
        {
            var folded = data.Length & ~15;
            crc = Fold(crc, data[..folded]);
            data = data[folded..];
        }

        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (one & 0xff)] ^ table[(6 * 256) + ((one >> 8) & 0xff)]
                ^ table[(5 * 256) + ((one >> 16) & 0xff)] ^ table[(4 * 256) + (one >> 24)]
                ^ table[(3 * 256) + (two & 0xff)] ^ table[(2 * 256) + ((two >> 8) & 0xff)]
                ^ table[256 + ((two >> 16) & 0xff)] ^ table[two >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>Continues the (inverted) CRC over <paramref name="data"/>: at least 64 bytes, a multiple of 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Fold(uint crc, ReadOnlySpan<byte> data)
    {
        // The bit-reflected constants of "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ" (Intel, 2009).
        var k1k2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
        var k3k4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
        var k5k0 = Vector128.Create(0x0163cd6124UL, 0UL);
        var poly = Vector128.Create(0x01db710641UL, 0x01f7011641UL);
        var mask = Vector128.Create(uint.MaxValue, 0, uint.MaxValue, 0).AsUInt64();

        ref var p = ref MemoryMarshal.GetReference(data);
        var x1 = Vector128.LoadUnsafe(ref p, 0).AsUInt64() ^ Vector128.CreateScalar(crc).AsUInt64();
        var x2 = Vector128.LoadUnsafe(ref p, 16).AsUInt64();
        var x3 = Vector128.LoadUnsafe(ref p, 32).AsUInt64();
        var x4 = Vector128.LoadUnsafe(ref p, 48).AsUInt64();
        nuint at = 64;
        var length = (nuint)data.Length;

        // Fold four lanes of 16 bytes by 64 bytes at a time.
        for (; at + 64 <= length; at += 64)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x00) ^ Vector128.LoadUnsafe(ref p, at).AsUInt64();
            x2 = Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x00) ^ Vector128.LoadUnsafe(ref p, at + 16).AsUInt64();
            x3 = Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x00) ^ Vector128.LoadUnsafe(ref p, at + 32).AsUInt64();
            x4 = Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x00) ^ Vector128.LoadUnsafe(ref p, at + 48).AsUInt64();
        }

        // Fold the four lanes into one, then the remaining blocks of 16 bytes.
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x2;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x3;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x4;
        for (; at + 16 <= length; at += 16)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ Vector128.LoadUnsafe(ref p, at).AsUInt64();
        }

        // 128 bits to 64, then Barrett reduction to 32.
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 8) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10);
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask, k5k0, 0x00) ^ Sse2.ShiftRightLogical128BitLane(x1, 4);
        var x = Pclmulqdq.CarrylessMultiply(x1 & mask, poly, 0x10) & mask;
        x1 ^= Pclmulqdq.CarrylessMultiply(x, poly, 0x00);
        return x1.AsUInt32().GetElement(1);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var s = 1; s < 8; s++)
            {
                var prev = table[((s - 1) * 256) + i];
                table[(s * 256) + i] = (prev >> 8) ^ table[prev & 0xff];
            }
        }

        return table;
    }
}
