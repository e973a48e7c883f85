using System.Globalization;
using System.Text.Json;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Learning;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// A learned model of a user's day (ML.NET randomized PCA): each user-day becomes a row of eight counts (logons,
/// failures, distinct hosts, distinct sources, off-hours logons, remote-interactive logons, processes, distinct
/// processes; log-scaled). The baseline days train the PCA; afterwards a day whose row the usual patterns cannot
/// reconstruct (error above a quantile of the baseline's errors times a margin) is a finding, explained by the features
/// furthest from the baseline. Days are judged when the stream passes midnight (UTC). The baseline is pooled over all
/// users, and the threshold is a high quantile of it: with fewer than <c>min_training_days</c> baseline user-days (2,000)
/// that quantile means nothing, so the model keeps learning and judges nothing until it has them.
/// </summary>
internal sealed class UserDayPcaModel : BehaviourModel
{
    private static readonly string[] FeatureNames =
    [
        "logons", "failed logons", "distinct hosts", "distinct sources", "off-hours logons", "remote-interactive logons", "processes",
        "distinct processes",
    ];

    private readonly Dictionary<string, UserDay> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<float[]> _training = [];
    private readonly Random _sample;
    private readonly int _rank;
    private readonly int _maxRows;
    private readonly double _quantile;
    private readonly double _margin;
    private readonly int _seed;
    private readonly int _minRows;
    private long _day = -1;
    private PcaDetector? _detector;
    private double _threshold;

    public UserDayPcaModel(ModelSettings settings, BehaviourContext context)
        : base(settings, context)
    {
        var p = settings.Parameters;
        _rank = (int)p.Number("rank", 3, 1, 7);
        _maxRows = (int)p.Number("max_training_days", 50_000, 100, 10_000_000);
        _quantile = p.Number("quantile", 0.999, 0.5, 1);
        _margin = p.Number("threshold_factor", 1.5, 1, 100);
        _seed = (int)p.Number("seed", 1, 0, int.MaxValue);
        _minRows = (int)p.Number("min_training_days", 2000, 50, 10_000_000);
        _sample = new Random(_seed);
    }

    public override int TrackedEntities => _open.Count;

    public override void Observe(in BehaviourObservation o, IFindingSink sink)
    {
        var day = o.Ticks / TimeSpan.TicksPerDay;
        if (day != _day)
        {
            if (_day >= 0)
            {
                CloseDay(sink);
            }

            _day = day;
        }

        _ = IsLearning(o.Ticks);
        if (o.User is null || o.Kind is not (ObservationKind.LogonSuccess or ObservationKind.LogonFailure or ObservationKind.ProcessStart))
        {
            return;
        }

        if (!_open.TryGetValue(o.User, out var userDay))
        {
            if (_open.Count >= MaxEntities)
            {
                return;
            }

            _open[o.User] = userDay = new UserDay();
        }

        userDay.Add(o);
    }

    public override void Flush(IFindingSink sink)
    {
        if (_day >= 0)
        {
            CloseDay(sink);
        }
    }

    private void CloseDay(IFindingSink sink)
    {
        var dayStart = _day * TimeSpan.TicksPerDay;
        var learning = IsLearning(dayStart);
        if (!learning && _detector is null && _training.Count >= _minRows)
        {
            Train();
        }

        var users = _open.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        _open.Clear();
        if (users.Count == 0)
        {
            return;
        }

        var rows = users.Select(u => u.Value.Features()).ToList();
        if (_detector is null)
        {
            foreach (var row in rows)
            {
                Keep(row);
            }

            return;
        }

        var scores = _detector.Score(rows);
        for (var i = 0; i < users.Count; i++)
        {
            if (scores[i] > _threshold)
            {
                Report(users[i].Key, users[i].Value, rows[i], scores[i], sink);
            }
        }
    }

    /// <summary>Keeps a baseline row; past the bound, a seeded reservoir sample keeps the rows representative.</summary>
    private void Keep(float[] row)
    {
        if (_training.Count < _maxRows)
        {
            _training.Add(row);
            return;
        }

        var slot = _sample.Next(_training.Count + 1);
        if (slot < _maxRows)
        {
            _training[slot] = row;
        }
    }

    /// <summary>Gets why the last training failed (degenerate baseline), or null.</summary>
    public override string? Problem => _problem;

    private string? _problem;
    private int _failedAt;

    private void Train()
    {
        // ML.NET refuses degenerate baselines (eigenvectors with NaN when the rows span too little); the model then keeps
        // learning and tries again once the baseline has grown by a tenth, and says why it is not judging.
        if (_failedAt > 0 && _training.Count < _failedAt * 1.1)
        {
            return;
        }

        try
        {
            _detector = PcaDetector.Train(_training, _rank, 0.25, _seed);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            _problem = $"{Settings.Name}: could not learn from {_training.Count:N0} baseline user-days ({ex.Message.Split('(')[0].Trim()}); still learning";
            _failedAt = _training.Count;
            return;
        }

        _problem = null;
        var baseline = _detector.Score(_training);
        Array.Sort(baseline);
        _threshold = baseline[Math.Min(baseline.Length - 1, (int)Math.Floor(_quantile * (baseline.Length - 1)))] * _margin;
    }

    private void Report(string user, UserDay day, float[] row, float error, IFindingSink sink)
    {
        var z = _detector!.ZScores(row);
        var top = Enumerable.Range(0, row.Length).OrderByDescending(j => Math.Abs(z[j])).Take(3).ToList();
        var parts = top.Select(j => string.Create(CultureInfo.InvariantCulture,
            $"{Math.Round(Math.Exp(row[j]) - 1):0} {FeatureNames[j]} (baseline mean {Math.Exp(_detector.Mean[j]) - 1:0.#})"));
        var candidate = new FindingCandidate
        {
            Score = Math.Min(95, 45 + (15 * Math.Log2(error / _threshold))),
            Confidence = Math.Clamp(_training.Count / 1000.0, 0.3, 1),
            Explanation = string.Create(CultureInfo.InvariantCulture,
                $"the day of {user} on {Day(_day * TimeSpan.TicksPerDay)} does not fit the usual patterns of user-days: {string.Join(", ", parts)}; "
                + $"reconstruction error {error:0.##} against a threshold of {_threshold:0.##} ({_quantile:P1} of {_training.Count:N0} baseline user-days x{_margin:0.##}; randomized PCA, rank {_rank})"),
            Key = user,
            Ticks = day.Last,
            User = user,
            UserRaw = day.UserRaw,
        };
        candidate.Number("reconstruction_error", error);
        candidate.Number("threshold", _threshold);
        for (var j = 0; j < row.Length; j++)
        {
            candidate.Number(FeatureNames[j].Replace(' ', '_').Replace('-', '_') + "_z", z[j]);
        }

        candidate.Evidence.AddRange(day.Evidence);
        sink.Report(this, candidate);
    }

    public override void WriteState(Utf8JsonWriter json)
    {
        json.WriteBoolean("trained", _detector is not null);
        json.WriteStartArray("training_days");
        foreach (var row in _training)
        {
            json.WriteStartArray();
            foreach (var value in row)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    public override void ReadState(JsonElement state)
    {
        foreach (var row in state.GetProperty("training_days").EnumerateArray().Take(_maxRows))
        {
            var values = row.EnumerateArray().Select(v => v.GetSingle()).ToArray();
            if (values.Length != FeatureNames.Length)
            {
                throw new FormatException($"a training day must hold {FeatureNames.Length} numbers");
            }

            _training.Add(values);
        }

        if (state.GetProperty("trained").GetBoolean() && _training.Count >= _minRows)
        {
            Train();
        }
    }

    /// <summary>One user's counts for the current day.</summary>
    private sealed class UserDay
    {
        private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _sources = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _processes = new(StringComparer.OrdinalIgnoreCase);
        private readonly int[] _counts = new int[4];

        public long Last { get; private set; }

        public string? UserRaw { get; private set; }

        public List<BehaviourObservation> Evidence { get; } = [];

        public void Add(in BehaviourObservation o)
        {
            Last = o.Ticks;
            UserRaw ??= o.UserRaw;
            if (Evidence.Count < 10)
            {
                Evidence.Add(o);
            }

            var time = new DateTime(o.Ticks, DateTimeKind.Utc);
            switch (o.Kind)
            {
                case ObservationKind.LogonSuccess:
                    _counts[0]++;
                    _counts[2] += time.Hour < 6 || time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
                    _counts[3] += o.LogonType == 10 ? 1 : 0;
                    AddBounded(_hosts, o.Host);
                    AddBounded(_sources, o.Segment ?? o.SourceHost);
                    break;
                case ObservationKind.LogonFailure:
                    _counts[1]++;
                    break;
                default:
                    AddBounded(_processes, o.Process);
                    _processCount++;
                    break;
            }
        }

        private int _processCount;

        public float[] Features() =>
        [
            Log(_counts[0]), Log(_counts[1]), Log(_hosts.Count), Log(_sources.Count), Log(_counts[2]), Log(_counts[3]), Log(_processCount),
            Log(_processes.Count),
        ];

        private static float Log(int count) => (float)Math.Log(1 + count);

        private static void AddBounded(HashSet<string> set, string? value)
        {
            if (value is not null && set.Count < 1024)
            {
                set.Add(value);
            }
        }
    }
}
