using System.Buffers.Binary;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>The CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) that EVTX headers and chunks are checked with; slicing by 8.</summary>
internal static class EvtxCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues a CRC over <paramref name="data"/>.</summary>
    /// <param name="crc">The running value: start with <c>0</c>.</param>
    /// <param name="data">The bytes.</param>
    /// <returns>The CRC of everything so far.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        crc = ~crc;
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
