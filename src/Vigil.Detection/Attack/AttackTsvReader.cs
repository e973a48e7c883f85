namespace Vigil.Detection.Attack;

/// <summary>Reads the tab-separated catalog files (a header row, then one record per line); errors name file and line.</summary>
internal static class AttackTsvReader
{
    public static List<AttackTactic> ReadTactics(string path)
    {
        var tactics = new List<AttackTactic>();
        foreach (var (line, get) in Read(path, ["id", "shortname", "name"]))
        {
            tactics.Add(new AttackTactic(Required(get(0), path, line, "id").ToUpperInvariant(), Required(get(1), path, line, "shortname").ToLowerInvariant(), Required(get(2), path, line, "name")));
        }

        return tactics;
    }

    public static List<AttackTechniqueRow> ReadTechniques(string path)
    {
        var rows = new List<AttackTechniqueRow>();
        foreach (var (line, get) in Read(path, ["id", "name", "tactics", "deprecated_or_revoked"]))
        {
            var id = Required(get(0), path, line, "id").ToUpperInvariant();
            var tactics = get(2).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var deprecated = get(3) switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" or "" => false,
                var other => throw Invalid(path, line, $"deprecated_or_revoked must be true or false, found '{other}'"),
            };
            rows.Add(new AttackTechniqueRow(id, Required(get(1), path, line, "name"), tactics, deprecated, line));
        }

        return rows;
    }

    public static List<(string Id, string ReplacedBy, int Line)> ReadRevoked(string path)
    {
        var rows = new List<(string, string, int)>();
        foreach (var (line, get) in Read(path, ["id", "replaced_by"]))
        {
            rows.Add((Required(get(0), path, line, "id").ToUpperInvariant(), Required(get(1), path, line, "replaced_by").ToUpperInvariant(), line));
        }

        return rows;
    }

    public static InvalidDataException Invalid(string path, int line, string reason) => new($"{path}:{line}: {reason}");

    private static IEnumerable<(int Line, Func<int, string> Get)> Read(string path, string[] columns)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw Invalid(path, 1, "the file is empty; expected a header row");
        var names = header.Split('\t', StringSplitOptions.TrimEntries);
        var positions = new int[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            positions[i] = Array.FindIndex(names, n => string.Equals(n, columns[i], StringComparison.OrdinalIgnoreCase));
            if (positions[i] < 0)
            {
                throw Invalid(path, 1, $"the header lacks the column '{columns[i]}' (found: {string.Join(", ", names)})");
            }
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = text.Split('\t');
            var current = lineNumber;
            yield return (current, i => positions[i] < cells.Length ? cells[positions[i]].Trim() : string.Empty);
        }
    }

    private static string Required(string value, string path, int line, string column)
        => value.Length > 0 ? value : throw Invalid(path, line, $"the column '{column}' is empty");
}
