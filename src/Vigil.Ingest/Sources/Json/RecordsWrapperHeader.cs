using System.Text;

namespace Vigil.Ingest.Sources.Json;

/// <summary>
/// Recognises the start of a records wrapper: <c>{ "Records" : [</c> as CloudTrail writes its S3 log files, or
/// <c>{"records": [</c> as Azure Monitor diagnostic settings write to Event Hubs and storage (the name is matched
/// ignoring ASCII case; white space is allowed between the tokens, as pretty-printers write it).
/// </summary>
internal static class RecordsWrapperHeader
{
    /// <summary>The most bytes of white space looked through before deciding; more means "not a wrapper".</summary>
    public const int MaxLength = 1024;

    private static ReadOnlySpan<byte> Name => "records"u8;

    private static ReadOnlySpan<byte> Blank => " \t\r\n"u8;

    /// <summary>What <see cref="Match"/> found.</summary>
    public enum Result
    {
        /// <summary>The text starts with a wrapper header.</summary>
        Yes,

        /// <summary>The text does not start with a wrapper header.</summary>
        No,

        /// <summary>The text is too short to tell; read more and ask again.</summary>
        NeedMore,
    }

    /// <summary>Tells whether <paramref name="text"/> (starting at a <c>{</c>) starts with a wrapper header.</summary>
    /// <param name="text">The text, starting with <c>{</c>.</param>
    /// <param name="isFinal">Whether no more text follows (the end of the input).</param>
    /// <param name="length">When the result is <see cref="Result.Yes"/>, the header's length, up to and including its <c>[</c>.</param>
    /// <returns>The verdict.</returns>
    public static Result Match(ReadOnlySpan<byte> text, bool isFinal, out int length)
    {
        length = 0;
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return text.IsEmpty && !isFinal ? Result.NeedMore : Result.No;
        }

        var i = SkipBlank(text, 1);
        if (i + 1 + Name.Length + 1 > text.Length)
        {
            return More(text, isFinal);
        }

        if (text[i] != (byte)'"' || !Ascii.EqualsIgnoreCase(text.Slice(i + 1, Name.Length), Name) || text[i + 1 + Name.Length] != (byte)'"')
        {
            return Result.No;
        }

        i = SkipBlank(text, i + Name.Length + 2);
        if (i >= text.Length)
        {
            return More(text, isFinal);
        }

        if (text[i] != (byte)':')
        {
            return Result.No;
        }

        i = SkipBlank(text, i + 1);
        if (i >= text.Length)
        {
            return More(text, isFinal);
        }

        if (text[i] != (byte)'[')
        {
            return Result.No;
        }

        length = i + 1;
        return Result.Yes;
    }

    private static int SkipBlank(ReadOnlySpan<byte> text, int from)
    {
        if (from >= text.Length)
        {
            return text.Length;
        }

        var next = text[from..].IndexOfAnyExcept(Blank);
        return next < 0 ? text.Length : from + next;
    }

    private static Result More(ReadOnlySpan<byte> text, bool isFinal)
        => isFinal || text.Length >= MaxLength ? Result.No : Result.NeedMore;
}
