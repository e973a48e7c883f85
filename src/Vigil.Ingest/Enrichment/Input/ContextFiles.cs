using System.Text;

namespace Vigil.Ingest.Enrichment.Input;

/// <summary>Reads whole context files within <see cref="ContextLimits.MaxDocumentBytes"/>.</summary>
internal static class ContextFiles
{
    public static byte[]? ReadBytes(string path, string file, ContextErrors errors)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > ContextLimits.MaxDocumentBytes)
            {
                errors.Add(new ContextError(file, 0, 0, $"the file is larger than {ContextLimits.MaxDocumentBytes} bytes; it is skipped"));
                return null;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (IOException ex)
        {
            errors.Add(new ContextError(file, 0, 0, $"cannot read the file: {ex.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new ContextError(file, 0, 0, $"cannot read the file: {ex.Message}"));
            return null;
        }
    }

    public static string? ReadText(string path, string file, ContextErrors errors)
    {
        var bytes = ReadBytes(path, file, errors);
        if (bytes is null)
        {
            return null;
        }

        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        return Encoding.UTF8.GetString(span);
    }
}
