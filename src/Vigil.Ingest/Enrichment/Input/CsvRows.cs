using System.Text;

namespace Vigil.Ingest.Enrichment.Input;

/// <summary>Turns a CSV file with a header row into context rows; bad records are reported and skipped.</summary>
internal static class CsvRows
{
    public static List<ContextRow> Read(string path, string file, IReadOnlyCollection<string> knownColumns, ContextErrors errors)
    {
        var rows = new List<ContextRow>();
        try
        {
            ReadRows(path, file, knownColumns, errors, rows);
        }
        catch (IOException ex)
        {
            errors.Add(new ContextError(file, 0, 0, $"cannot read the file: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new ContextError(file, 0, 0, $"cannot read the file: {ex.Message}"));
        }

        return rows;
    }

    private static void ReadRows(string path, string file, IReadOnlyCollection<string> knownColumns, ContextErrors errors, List<ContextRow> rows)
    {
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvReader(stream);
        var cells = new List<string>();
        string[]? header = null;
        while (reader.Read(cells, out var line, out var error))
        {
            if (error is not null)
            {
                errors.Add(new ContextError(file, line, 0, error + "; the record is skipped"));
                continue;
            }

            if (header is null)
            {
                header = ReadHeader(cells, file, line, knownColumns, errors);
                if (header is null)
                {
                    return;
                }

                continue;
            }

            if (cells.Count > header.Length)
            {
                errors.Add(new ContextError(file, line, 0, $"the record has {cells.Count} fields but the header names {header.Length}; the record is skipped"));
                continue;
            }

            var fields = new Dictionary<string, ContextField>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Count; i++)
            {
                if (header[i].Length > 0)
                {
                    fields[header[i]] = new ContextField(header[i], cells[i], null, line, 0);
                }
            }

            rows.Add(new ContextRow(file, line, fields));
        }

        if (header is null)
        {
            errors.Add(new ContextError(file, 0, 0, "the file is empty; expected a header row"));
        }
    }

    private static string[]? ReadHeader(List<string> cells, string file, int line, IReadOnlyCollection<string> knownColumns, ContextErrors errors)
    {
        var header = new string[cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var anyKnown = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var name = cells[i].Trim().ToLowerInvariant();
            if (!knownColumns.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new ContextError(file, line, 0, $"unknown column '{cells[i]}' (column {i + 1}) is ignored; known columns: {string.Join(", ", knownColumns)}"));
                name = string.Empty;
            }
            else if (!seen.Add(name))
            {
                errors.Add(new ContextError(file, line, 0, $"column '{name}' appears twice; the second (column {i + 1}) is ignored"));
                name = string.Empty;
            }
            else
            {
                anyKnown = true;
            }

            header[i] = name;
        }

        if (!anyKnown)
        {
            errors.Add(new ContextError(file, line, 0, "the first row must be a header naming the columns; none is known, so the file is skipped"));
            return null;
        }

        return header;
    }
}
