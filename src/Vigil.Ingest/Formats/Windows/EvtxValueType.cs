namespace Vigil.Ingest.Formats.Windows;

/// <summary>The value types of EVTX binary XML substitutions and value tokens ([MS-EVEN6] 2.2.18); <c>| 0x80</c> makes an array.</summary>
internal static class EvtxValueType
{
    /// <summary>No value.</summary>
    public const byte Null = 0x00;

    /// <summary>UTF-16LE string.</summary>
    public const byte String = 0x01;

    /// <summary>8-bit (code page) string.</summary>
    public const byte AnsiString = 0x02;

    /// <summary>Signed 8-bit integer.</summary>
    public const byte Int8 = 0x03;

    /// <summary>Unsigned 8-bit integer.</summary>
    public const byte UInt8 = 0x04;

    /// <summary>Signed 16-bit integer.</summary>
    public const byte Int16 = 0x05;

    /// <summary>Unsigned 16-bit integer.</summary>
    public const byte UInt16 = 0x06;

    /// <summary>Signed 32-bit integer.</summary>
    public const byte Int32 = 0x07;

    /// <summary>Unsigned 32-bit integer.</summary>
    public const byte UInt32 = 0x08;

    /// <summary>Signed 64-bit integer.</summary>
    public const byte Int64 = 0x09;

    /// <summary>Unsigned 64-bit integer.</summary>
    public const byte UInt64 = 0x0a;

    /// <summary>32-bit float.</summary>
    public const byte Real32 = 0x0b;

    /// <summary>64-bit float.</summary>
    public const byte Real64 = 0x0c;

    /// <summary>32-bit boolean.</summary>
    public const byte Bool = 0x0d;

    /// <summary>Bytes.</summary>
    public const byte Binary = 0x0e;

    /// <summary>GUID.</summary>
    public const byte Guid = 0x0f;

    /// <summary>Pointer-sized unsigned integer (rendered as hex).</summary>
    public const byte SizeT = 0x10;

    /// <summary>FILETIME.</summary>
    public const byte FileTime = 0x11;

    /// <summary>SYSTEMTIME.</summary>
    public const byte SystemTime = 0x12;

    /// <summary>Security identifier.</summary>
    public const byte Sid = 0x13;

    /// <summary>32-bit integer rendered as hex.</summary>
    public const byte HexInt32 = 0x14;

    /// <summary>64-bit integer rendered as hex.</summary>
    public const byte HexInt64 = 0x15;

    /// <summary>An event handle (no rendering).</summary>
    public const byte EvtHandle = 0x20;

    /// <summary>A nested binary XML fragment.</summary>
    public const byte BinXml = 0x21;

    /// <summary>Rendered event XML (treated as binary XML).</summary>
    public const byte EvtXml = 0x23;

    /// <summary>The array flag.</summary>
    public const byte Array = 0x80;
}
