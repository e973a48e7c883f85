using Spectre.Console;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Collects hits as table rows and renders them when the hunt ends (so the table never interleaves with the progress bar).
/// Shows at most <see cref="RowLimit"/> rows, then says how many more hits there were.
/// </summary>
internal sealed class TableHitWriter : IHitWriter
{
    /// <summary>The most rows the table shows; use jsonl or csv for more.</summary>
    public const int RowLimit = 1000;

    private const int MatchedShown = 4;
    private const int ValueWidth = 120;

    private readonly IAnsiConsole _console;
    private readonly List<string[]> _rows = [];
    private readonly List<ModelFinding> _findings = [];
    private long _hidden;
    private long _hiddenFindings;

    public TableHitWriter(IAnsiConsole console) => _console = console;

    public void OnHit(DetectionHit hit)
    {
        if (_rows.Count >= RowLimit)
        {
            _hidden++;
            return;
        }

        var time = HitText.Time(hit);
        _rows.Add(
        [
            time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "-",
            hit.Rule.Level ?? "-",
            hit.Rule.Title,
            HitText.Source(hit.Event),
            Matched(hit),
        ]);
    }

    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        if (_findings.Count < RowLimit)
        {
            _findings.Add(finding);
        }
        else
        {
            _hiddenFindings++;
        }
    }

    public void Dispose()
    {
    }

    public void Complete()
    {
        WriteHits();
        WriteFindings();
    }

    private void WriteFindings()
    {
        if (_findings.Count == 0)
        {
            return;
        }

        var table = new Table { Title = new TableTitle("Behavioural findings") }.Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Time (UTC)").NoWrap());
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Model").NoWrap());
        table.AddColumn(new TableColumn("Score").NoWrap());
        table.AddColumn("Explanation");
        foreach (var f in _findings)
        {
            var factors = f.Factors.Count == 0 ? string.Empty : "\n(" + string.Join("; ", f.Factors) + ")";
            table.AddRow(
                new Text(f.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                new Text(f.Severity, LevelStyle(f.Severity)),
                new Text(f.Model),
                new Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Score:0} ({f.Confidence:0.00})")),
                new Text(f.Explanation + factors));
        }

        _console.Write(table);
        if (_hiddenFindings > 0)
        {
            _console.WriteLine($"{_hiddenFindings} more findings not shown (the table shows {RowLimit}); use --format jsonl or csv for all.");
        }
    }

    private void WriteHits()
    {
        if (_rows.Count == 0)
        {
            _console.WriteLine("No hits.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Time (UTC)").NoWrap());
        table.AddColumn(new TableColumn("Level").NoWrap());
        table.AddColumn("Rule");
        table.AddColumn(new TableColumn("Source").NoWrap());
        table.AddColumn("Matched");
        foreach (var row in _rows)
        {
            table.AddRow(new Text(row[0]), new Text(row[1], LevelStyle(row[1])), new Text(row[2]), new Text(row[3]), new Text(row[4]));
        }

        _console.Write(table);
        if (_hidden > 0)
        {
            _console.WriteLine($"{_hidden} more hits not shown (the table shows {RowLimit}); use --format jsonl or csv for all hits.");
        }
    }

    private static string Matched(DetectionHit hit)
    {
        var lines = hit.Matched.Take(MatchedShown).Select(m => $"{m.Key}={Shorten(m.Value)}").ToList();
        if (hit.Matched.Count > MatchedShown)
        {
            lines.Add($"(+{hit.Matched.Count - MatchedShown} more)");
        }

        if (hit.Group.Count > 0)
        {
            lines.Add("group: " + string.Join(", ", hit.Group.Select(g => $"{g.Key}={Shorten(g.Value)}")));
        }

        if (hit.Value is { } value)
        {
            lines.Add($"value: {value}");
        }

        return string.Join('\n', lines);
    }

    private static string Shorten(string value)
    {
        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length <= ValueWidth ? oneLine : string.Concat(oneLine.AsSpan(0, ValueWidth - 1), "…");
    }

    private static Style LevelStyle(string level) => level switch
    {
        "critical" => new Style(Color.Red, decoration: Decoration.Bold),
        "high" => new Style(Color.Red),
        "medium" => new Style(Color.Yellow),
        _ => Style.Plain,
    };
}
