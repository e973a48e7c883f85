namespace Vigil.Ingest.Formats.Cef;

/// <summary>The header field names of CEF and LEEF events.</summary>
internal static class CefNames
{
    /// <summary>The CEF version (<c>0</c> or <c>1</c>).</summary>
    public const string CefVersion = "cef_version";

    /// <summary>The LEEF version (<c>1.0</c> or <c>2.0</c>).</summary>
    public const string LeefVersion = "leef_version";

    /// <summary>The device vendor.</summary>
    public const string DeviceVendor = "DeviceVendor";

    /// <summary>The device product.</summary>
    public const string DeviceProduct = "DeviceProduct";

    /// <summary>The device version.</summary>
    public const string DeviceVersion = "DeviceVersion";

    /// <summary>The CEF signature id.</summary>
    public const string DeviceEventClassId = "DeviceEventClassID";

    /// <summary>The CEF event name.</summary>
    public const string Name = "Name";

    /// <summary>The CEF severity as written (a number 0–10 or a word).</summary>
    public const string Severity = "Severity";

    /// <summary>The LEEF event id.</summary>
    public const string EventId = "EventID";

    /// <summary>Gets the CEF header field names in order.</summary>
    public static IReadOnlyList<string> CefHeader { get; } =
        [CefVersion, DeviceVendor, DeviceProduct, DeviceVersion, DeviceEventClassId, Name, Severity];

    /// <summary>Gets the CEF extension keys holding the event time, in the order they are tried.</summary>
    public static IReadOnlyList<string> CefTimeKeys { get; } = ["rt", "end", "start"];
}
