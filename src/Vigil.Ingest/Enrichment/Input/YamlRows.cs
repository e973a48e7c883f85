namespace Vigil.Ingest.Enrichment.Input;

/// <summary>Turns the list under a root key of a YAML context file into context rows; bad items are reported and skipped.</summary>
internal static class YamlRows
{
    /// <summary>Reads the root mapping of a YAML file, or returns null after reporting why it cannot be read.</summary>
    public static YamlValue? ReadRoot(string path, string file, ContextErrors errors)
    {
        var text = ContextFiles.ReadText(path, file, errors);
        if (text is null)
        {
            return null;
        }

        var root = YamlDocumentReader.Read(text, file, out var error);
        if (error is not null)
        {
            errors.Add(error);
            return null;
        }

        if (root is null)
        {
            errors.Add(new ContextError(file, 0, 0, "the file is empty"));
            return null;
        }

        if (root.Mapping is null)
        {
            errors.Add(new ContextError(file, root.Line, root.Column, $"expected a mapping at the top of the file, found {root.Describe}"));
            return null;
        }

        return root;
    }

    /// <summary>Reads the items of the list under <paramref name="listKey"/>; other top-level keys must be in <paramref name="rootKeys"/>.</summary>
    public static List<ContextRow> Rows(
        YamlValue root, string file, string listKey, IReadOnlyCollection<string> rootKeys, IReadOnlyCollection<string> knownKeys, ContextErrors errors)
    {
        var rows = new List<ContextRow>();
        foreach (var (key, _) in root.Mapping!)
        {
            if (key.Scalar is null || !rootKeys.Contains(key.Scalar.ToLowerInvariant(), StringComparer.Ordinal))
            {
                errors.Add(new ContextError(file, key.Line, key.Column, $"unknown top-level key '{key.Scalar}' is ignored; expected {string.Join(", ", rootKeys)}"));
            }
        }

        var list = root.Get(listKey);
        if (list is null)
        {
            errors.Add(new ContextError(file, root.Line, root.Column, $"the file has no '{listKey}' list"));
            return rows;
        }

        if (list.Sequence is null)
        {
            if (list.Scalar is not (null or ""))
            {
                errors.Add(new ContextError(file, list.Line, list.Column, $"'{listKey}' must be a list, found {list.Describe}"));
            }

            return rows;
        }

        foreach (var item in list.Sequence)
        {
            var row = Row(item, file, knownKeys, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>The scalar items of a list value (or the single scalar), reporting anything else.</summary>
    public static List<string> Texts(YamlValue value, string file, string what, ContextErrors errors)
    {
        if (value.Scalar is not null)
        {
            return [value.Scalar];
        }

        var texts = new List<string>();
        foreach (var item in value.Sequence ?? [])
        {
            if (item.Scalar is null)
            {
                errors.Add(new ContextError(file, item.Line, item.Column, $"{what}: expected a text, found {item.Describe}"));
            }
            else
            {
                texts.Add(item.Scalar);
            }
        }

        if (value.Mapping is not null)
        {
            errors.Add(new ContextError(file, value.Line, value.Column, $"{what}: expected a list of texts, found a mapping"));
        }

        return texts;
    }

    private static ContextRow? Row(YamlValue item, string file, IReadOnlyCollection<string> knownKeys, ContextErrors errors)
    {
        if (item.Mapping is null)
        {
            errors.Add(new ContextError(file, item.Line, item.Column, $"expected a mapping for each entry, found {item.Describe}; the entry is skipped"));
            return null;
        }

        var fields = new Dictionary<string, ContextField>(StringComparer.Ordinal);
        foreach (var (key, value) in item.Mapping)
        {
            var name = key.Scalar?.Trim().ToLowerInvariant();
            if (name is null || !knownKeys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new ContextError(file, key.Line, key.Column, $"unknown key '{key.Scalar}' is ignored; known keys: {string.Join(", ", knownKeys)}"));
                continue;
            }

            if (fields.ContainsKey(name))
            {
                errors.Add(new ContextError(file, key.Line, key.Column, $"key '{name}' appears twice in the entry; the entry is skipped"));
                return null;
            }

            if (value.Mapping is not null || value.Sequence?.Exists(v => v.Scalar is null) == true)
            {
                errors.Add(new ContextError(file, value.Line, value.Column, $"field '{name}': expected a text or a list of texts; the entry is skipped"));
                return null;
            }

            fields[name] = value.Scalar is not null
                ? new ContextField(name, value.Scalar, null, value.Line, value.Column)
                : new ContextField(name, null, value.Sequence!.ConvertAll(v => v.Scalar!), value.Line, value.Column);
        }

        return new ContextRow(file, item.Line, fields);
    }
}
