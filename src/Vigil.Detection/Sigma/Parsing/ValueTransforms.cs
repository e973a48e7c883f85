using System.Text;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The value-transforming modifiers: windash, base64, base64offset, utf16le/utf16be/utf16/wide.</summary>
internal static class ValueTransforms
{
    /// <summary>The dash characters <c>windash</c> makes interchangeable: hyphen, slash, en dash, em dash, horizontal bar.</summary>
    public static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];

    /// <summary>Upper bound on the variants one value may expand to.</summary>
    public const int MaxVariants = 4096;

    /// <summary>
    /// Every permutation of the dash characters at option positions: a <c>-</c> or <c>/</c> at the start of the
    /// value or after a non-word character, followed by a word character (as pySigma does).
    /// </summary>
    public static List<string> Windash(string pattern)
    {
        var positions = new List<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] is '-' or '/' && (i == 0 || !IsWordChar(pattern[i - 1])) && i + 1 < pattern.Length && IsWordChar(pattern[i + 1]))
            {
                positions.Add(i);
            }
        }

        var results = new List<string> { pattern };
        foreach (var position in positions)
        {
            if (results.Count * Dashes.Length > MaxVariants)
            {
                throw new FormatException($"windash expands '{SigmaPattern.Display(pattern)}' to more than {MaxVariants} variants");
            }

            var next = new List<string>(results.Count * Dashes.Length);
            foreach (var r in results)
            {
                foreach (var d in Dashes)
                {
                    next.Add(string.Create(r.Length, (r, position, d), static (span, s) =>
                    {
                        s.r.AsSpan().CopyTo(span);
                        span[s.position] = s.d;
                    }));
                }
            }

            results = next;
        }

        return results;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf16le" or "wide" => Encoding.Unicode.GetBytes(text),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown encoding"),
    };

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>
    /// The three forms <paramref name="bytes"/> can take inside a longer base64 string, depending on its offset
    /// modulo 3: encode with 0, 1 and 2 leading filler bytes and cut the characters that depend on the neighbours.
    /// </summary>
    public static List<string> Base64Offset(byte[] bytes)
    {
        int[] startCut = [0, 2, 3];
        int[] endCut = [0, 3, 2];
        var results = new List<string>(3);
        for (var shift = 0; shift < 3; shift++)
        {
            var shifted = new byte[bytes.Length + shift];
            bytes.CopyTo(shifted, shift);
            for (var i = 0; i < shift; i++)
            {
                shifted[i] = (byte)' ';
            }

            var encoded = Convert.ToBase64String(shifted);
            var end = endCut[(bytes.Length + shift) % 3];
            var length = encoded.Length - startCut[shift] - end;
            if (length > 0)
            {
                results.Add(encoded.Substring(startCut[shift], length));
            }
        }

        return results;
    }

    public static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
