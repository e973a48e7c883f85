using System.Globalization;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Writes hits as RFC 4180 CSV: a header, then one record per hit, CRLF line ends; a field holding a comma, a quote,
/// CR or LF is quoted and its quotes doubled.
/// </summary>
internal sealed class CsvHitWriter : IHitWriter
{
    /// <summary>The column names, in order.</summary>
    public static readonly string[] Header =
        ["time", "level", "rule_id", "rule_title", "tactics", "techniques", "source_file", "source_location", "matched"];

    private readonly TextWriter _output;
    private readonly string[] _fields = new string[Header.Length];

    public CsvHitWriter(TextWriter output)
    {
        _output = output;
        WriteRecord(Header);
    }

    public void OnHit(DetectionHit hit)
    {
        _fields[0] = HitText.Iso(HitText.Time(hit));
        _fields[1] = hit.Rule.Level ?? string.Empty;
        _fields[2] = hit.Rule.Id ?? string.Empty;
        _fields[3] = hit.Rule.Title;
        _fields[4] = HitText.Tactics(hit.Attack.Tactics);
        _fields[5] = HitText.Techniques(hit.Attack.Techniques);
        _fields[6] = hit.Event.SourceName;
        _fields[7] = hit.Event.Location.ToString(CultureInfo.InvariantCulture);
        _fields[8] = HitText.Matched(hit.Matched);
        WriteRecord(_fields);
    }

    /// <summary>A finding is a row too: the model as <c>model:NAME</c> in rule_id, the severity as level, the explanation as title.</summary>
    public void OnFinding(ModelFinding finding, AttackMapping attack)
    {
        _fields[0] = HitText.Iso(finding.Time);
        _fields[1] = finding.Severity;
        _fields[2] = "model:" + finding.Model;
        _fields[3] = finding.Explanation;
        _fields[4] = HitText.Tactics(attack.Tactics);
        _fields[5] = string.Join(';', finding.Techniques);
        _fields[6] = finding.Evidence.Count > 0 ? finding.Evidence[0].Source : string.Empty;
        _fields[7] = finding.Evidence.Count > 0 ? finding.Evidence[0].Location.ToString(CultureInfo.InvariantCulture) : string.Empty;
        _fields[8] = string.Create(CultureInfo.InvariantCulture, $"score={finding.Score}; confidence={finding.Confidence}");
        WriteRecord(_fields);
    }

    public void Dispose()
    {
    }

    public void Complete() => _output.Flush();

    /// <summary>Quotes a field when RFC 4180 requires it.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The field as written.</returns>
    public static string Escape(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void WriteRecord(string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _output.Write(',');
            }

            _output.Write(Escape(fields[i]));
        }

        _output.Write("\r\n");
    }
}
