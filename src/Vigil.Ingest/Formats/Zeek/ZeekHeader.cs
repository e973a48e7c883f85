using System.Text;

namespace Vigil.Ingest.Formats.Zeek;

/// <summary>
/// The header of a Zeek TSV log in force at some line: the <c>#separator</c>, <c>#set_separator</c>,
/// <c>#empty_field</c>, <c>#unset_field</c>, <c>#path</c>, <c>#fields</c> and <c>#types</c> lines seen so far.
/// Immutable: each header line gives a new header, so that a block of lines can start from the header in force before it.
/// A <c>#separator</c> line starts a new log (concatenated files): everything else goes back to the defaults.
/// </summary>
internal sealed class ZeekHeader
{
    private ZeekHeader()
    {
    }

    /// <summary>Gets the header before any header line: tab, comma, <c>(empty)</c> and <c>-</c>, and no fields.</summary>
    public static ZeekHeader Initial { get; } = new();

    /// <summary>Gets the column separator.</summary>
    public byte[] Separator { get; private init; } = [(byte)'\t'];

    /// <summary>Gets the separator of the values of a set or vector.</summary>
    public byte[] SetSeparator { get; private init; } = [(byte)','];

    /// <summary>Gets the text of an empty string, set or vector.</summary>
    public byte[] EmptyField { get; private init; } = "(empty)"u8.ToArray();

    /// <summary>Gets the text of an unset field.</summary>
    public byte[] UnsetField { get; private init; } = [(byte)'-'];

    /// <summary>Gets the log's name (<c>conn</c>, <c>dns</c>...), or null before a <c>#path</c> line.</summary>
    public string? Path { get; private init; }

    /// <summary>Gets the column names, or null before a <c>#fields</c> line.</summary>
    public string[]? Names { get; private init; }

    /// <summary>Gets the column types, one per name (all strings when <c>#types</c> is missing or does not match <c>#fields</c>).</summary>
    public ZeekColumnType[] Types { get; private init; } = [];

    /// <summary>Gets the index of the <c>ts</c> column, or -1.</summary>
    public int TimeColumn { get; private init; } = -1;

    /// <summary>Tells whether a line is a header or comment line (it starts with <c>#</c>).</summary>
    /// <param name="line">The line.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsHeaderLine(ReadOnlySpan<byte> line) => !line.IsEmpty && line[0] == '#';

    /// <summary>Returns the header after <paramref name="line"/> (a line starting with <c>#</c>); unknown lines are comments.</summary>
    /// <param name="line">The header line, without its line feed or carriage return.</param>
    /// <returns>The new header, or this one when the line changes nothing.</returns>
    public ZeekHeader Apply(ReadOnlySpan<byte> line)
    {
        var end = 1;
        while (end < line.Length && line[end] is (>= (byte)'a' and <= (byte)'z') or (byte)'_')
        {
            end++;
        }

        var name = line[1..end];
        var value = line[end..];
        if (value.StartsWith(Separator))
        {
            value = value[Separator.Length..];
        }
        else if (!value.IsEmpty && value[0] == ' ')
        {
            // "#separator \x09": the one header line separated by a space.
            value = value[1..];
        }

        if (name.SequenceEqual("separator"u8))
        {
            var separator = ZeekEscapes.DecodeToArray(value);
            return separator.Length == 0 ? Initial : new ZeekHeader { Separator = separator };
        }

        if (name.SequenceEqual("set_separator"u8))
        {
            var separator = ZeekEscapes.DecodeToArray(value);
            return separator.Length == 0 ? this : With(setSeparator: separator);
        }

        if (name.SequenceEqual("empty_field"u8))
        {
            return With(emptyField: ZeekEscapes.DecodeToArray(value));
        }

        if (name.SequenceEqual("unset_field"u8))
        {
            return With(unsetField: ZeekEscapes.DecodeToArray(value));
        }

        if (name.SequenceEqual("path"u8))
        {
            return With(path: Encoding.UTF8.GetString(ZeekEscapes.DecodeToArray(value)));
        }

        if (name.SequenceEqual("fields"u8))
        {
            var names = Split(value);
            return With(names: names.Length == 0 ? null : names, types: [], resetNames: true);
        }

        if (name.SequenceEqual("types"u8) && Names is not null)
        {
            var types = SplitTypes(value);
            return With(types: types.Length == Names.Length ? types : []);
        }

        // #open, #close and anything else: comments.
        return this;
    }

    private string[] Split(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var range in value.Split(Separator))
        {
            names.Add(Encoding.UTF8.GetString(ZeekEscapes.DecodeToArray(value[range])));
        }

        return [.. names];
    }

    private ZeekColumnType[] SplitTypes(ReadOnlySpan<byte> value)
    {
        var types = new List<ZeekColumnType>();
        foreach (var range in value.Split(Separator))
        {
            types.Add(ZeekColumnType.Parse(value[range]));
        }

        return [.. types];
    }

    private ZeekHeader With(
        byte[]? setSeparator = null,
        byte[]? emptyField = null,
        byte[]? unsetField = null,
        string? path = null,
        string[]? names = null,
        ZeekColumnType[]? types = null,
        bool resetNames = false)
    {
        var newNames = resetNames ? names : Names;
        return new ZeekHeader
        {
            Separator = Separator,
            SetSeparator = setSeparator ?? SetSeparator,
            EmptyField = emptyField ?? EmptyField,
            UnsetField = unsetField ?? UnsetField,
            Path = path ?? Path,
            Names = newNames,
            Types = types ?? Types,
            TimeColumn = newNames is null ? -1 : Array.IndexOf(newNames, "ts"),
        };
    }
}
