namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Counts, in one pass over the deduplicated alerts, everything the report needs. Each alert is compared only with the
/// scenarios whose window may hold its time, and per-alert bookkeeping uses reused buffers and "last alert seen" marks
/// instead of sets, so an alert near no scenario costs a binary search and its technique lookups.
/// </summary>
internal sealed class BacktestTally
{
    private readonly BacktestScenarios _scenarios;
    private readonly List<int> _matchedAttacks = [];
    private readonly List<int> _matchedTraps = [];
    private readonly List<int> _alertTechniques = [];
    private readonly int[] _techniqueMark;
    private readonly int[] _attackFalseMark;
    private readonly int[] _nameMark;
    private readonly int[] _nameFalseMark;
    private int _alertNumber;

    public BacktestTally(BacktestScenarios scenarios)
    {
        _scenarios = scenarios;
        var attacks = scenarios.Attacks.Count;
        AttackAlerts = new int[attacks];
        AttackFalse = new int[attacks];
        AttackFirst = new DateTimeOffset?[attacks];
        AttackDetectors = [.. scenarios.Attacks.Select(_ => new SortedSet<string>(StringComparer.Ordinal))];
        NameAlerts = new int[scenarios.Names.Count];
        NameFalse = new int[scenarios.Names.Count];
        TechniqueAlerts = new int[scenarios.Techniques.Count];
        TechniqueMatched = new int[scenarios.Techniques.Count];
        TrapAlerts = new int[scenarios.Traps.Count];
        TrapHighest = new BacktestSeverity?[scenarios.Traps.Count];
        TrapDetectors = [.. scenarios.Traps.Select(_ => new SortedSet<string>(StringComparer.Ordinal))];
        _techniqueMark = Marks(scenarios.Techniques.Count);
        _attackFalseMark = Marks(attacks);
        _nameMark = Marks(scenarios.Names.Count);
        _nameFalseMark = Marks(scenarios.Names.Count);
    }

    public int TruePositives { get; private set; }

    public int False { get; private set; }

    public int[] FalseBySeverity { get; } = new int[BacktestSeverities.All.Count];

    public Dictionary<string, int> FalseByDetector { get; } = new(StringComparer.Ordinal);

    public int[] AttackAlerts { get; }

    public int[] AttackFalse { get; }

    public DateTimeOffset?[] AttackFirst { get; }

    public SortedSet<string>[] AttackDetectors { get; }

    public int[] NameAlerts { get; }

    public int[] NameFalse { get; }

    public int[] TechniqueAlerts { get; }

    public int[] TechniqueMatched { get; }

    public int[] TrapAlerts { get; }

    public BacktestSeverity?[] TrapHighest { get; }

    public SortedSet<string>[] TrapDetectors { get; }

    /// <summary>Counts one deduplicated alert.</summary>
    /// <param name="alert">The alert.</param>
    public void Add(DeduplicatedAlert alert)
    {
        var number = _alertNumber++;
        Match(alert);
        CollectTechniques(alert, number);
        foreach (var t in _alertTechniques)
        {
            TechniqueAlerts[t]++;
            foreach (var s in _matchedAttacks)
            {
                if (_scenarios.AttackHasTechnique(s, t))
                {
                    TechniqueMatched[t]++;
                    break;
                }
            }
        }

        if (_matchedAttacks.Count > 0)
        {
            AddTruePositive(alert, number);
        }
        else
        {
            AddFalse(alert, number);
        }
    }

    private void Match(DeduplicatedAlert alert)
    {
        _matchedAttacks.Clear();
        _matchedTraps.Clear();
        var ticks = alert.Time.UtcTicks;
        foreach (var c in _scenarios.Index.Candidates(ticks))
        {
            var matcher = _scenarios.All[c];
            if (matcher.Covers(ticks) && matcher.SharesEntity(alert))
            {
                (matcher.IsAttack ? _matchedAttacks : _matchedTraps).Add(matcher.KindIndex);
            }
        }
    }

    /// <summary>Collects the distinct labelled parent techniques the alert carries.</summary>
    private void CollectTechniques(DeduplicatedAlert alert, int number)
    {
        _alertTechniques.Clear();
        foreach (var id in alert.Techniques)
        {
            if (id is not null && _scenarios.TryGetTechnique(id, out var t) && _techniqueMark[t] != number)
            {
                _techniqueMark[t] = number;
                _alertTechniques.Add(t);
            }
        }
    }

    private void AddTruePositive(DeduplicatedAlert alert, int number)
    {
        TruePositives++;
        foreach (var s in _matchedAttacks)
        {
            AttackAlerts[s]++;
            AttackDetectors[s].Add(alert.Detector);
            if (AttackFirst[s] is not { } first || alert.Time < first)
            {
                AttackFirst[s] = alert.Time;
            }

            var n = _scenarios.AttackName[s];
            if (_nameMark[n] != number)
            {
                _nameMark[n] = number;
                NameAlerts[n]++;
            }
        }
    }

    private void AddFalse(DeduplicatedAlert alert, int number)
    {
        False++;
        FalseBySeverity[(int)alert.Severity]++;
        FalseByDetector[alert.Detector] = FalseByDetector.GetValueOrDefault(alert.Detector) + 1;
        foreach (var trap in _matchedTraps)
        {
            TrapAlerts[trap]++;
            TrapDetectors[trap].Add(alert.Detector);
            if (TrapHighest[trap] is not { } highest || alert.Severity > highest)
            {
                TrapHighest[trap] = alert.Severity;
            }
        }

        foreach (var t in _alertTechniques)
        {
            foreach (var s in _scenarios.AttacksByTechnique[t])
            {
                if (_attackFalseMark[s] != number)
                {
                    _attackFalseMark[s] = number;
                    AttackFalse[s]++;
                }
            }

            foreach (var n in _scenarios.NamesByTechnique[t])
            {
                if (_nameFalseMark[n] != number)
                {
                    _nameFalseMark[n] = number;
                    NameFalse[n]++;
                }
            }
        }
    }

    private static int[] Marks(int count)
    {
        var marks = new int[count];
        Array.Fill(marks, -1);
        return marks;
    }
}
