using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Analytics.Behaviour.State;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>
/// A streaming behavioural model: sees observations in time order, learns until its learning period ends (counted from
/// the first observation it saw), then scores what departs from what it learned, and keeps learning. Its memory is
/// bounded by <see cref="MaxEntities"/> tracked entities, the least recently seen forgotten first.
/// </summary>
internal abstract class BehaviourModel
{
    private long _firstTicks;

    protected BehaviourModel(ModelSettings settings, BehaviourContext context)
    {
        Settings = settings;
        Context = context;
        MaxEntities = (int)settings.Parameters.Number("max_entities", 100_000, 10, 10_000_000);
    }

    public ModelSettings Settings { get; }

    protected BehaviourContext Context { get; }

    /// <summary>Gets the most entities tracked (users, hosts, sources...).</summary>
    public int MaxEntities { get; }

    /// <summary>Gets how many entities the model tracks now.</summary>
    public abstract int TrackedEntities { get; }

    /// <summary>Gets the time of the first observation seen (UTC ticks), or 0.</summary>
    public long FirstTicks
    {
        get => _firstTicks;
        internal set => _firstTicks = value;
    }

    /// <summary>Gets why the model cannot judge yet (for example a baseline it could not learn from), or null.</summary>
    public virtual string? Problem => null;

    /// <summary>Whether the model is still in its learning period at a time.</summary>
    public bool IsLearning(long ticks)
    {
        if (_firstTicks == 0)
        {
            _firstTicks = ticks;
        }

        return ticks - _firstTicks < (long)(Settings.LearningDays * TimeSpan.TicksPerDay);
    }

    /// <summary>The days of baseline behind a judgement at a time.</summary>
    protected double BaselineDays(long ticks) => _firstTicks == 0 ? 0 : (ticks - _firstTicks) / (double)TimeSpan.TicksPerDay;

    /// <summary>Handles one observation (in time order).</summary>
    public abstract void Observe(in BehaviourObservation observation, IFindingSink sink);

    /// <summary>Handles the end of the input (closes open buckets).</summary>
    public virtual void Flush(IFindingSink sink)
    {
    }

    /// <summary>Writes what the model learnt (its tables, not its open windows) as the body of a JSON object.</summary>
    public abstract void WriteState(System.Text.Json.Utf8JsonWriter json);

    /// <summary>Reads what <see cref="WriteState"/> wrote; throws <see cref="FormatException"/> or a JSON exception when it does not fit.</summary>
    public abstract void ReadState(System.Text.Json.JsonElement state);

    /// <summary>Drops the least recently seen entries of a table past its bound, down to 90% of it.</summary>
    protected static void Trim<TValue>(Dictionary<string, TValue> table, int max, Func<TValue, long> lastSeen)
    {
        if (table.Count <= max)
        {
            return;
        }

        var keep = max * 9 / 10;
        foreach (var key in table.OrderBy(e => lastSeen(e.Value)).Take(table.Count - keep).Select(e => e.Key).ToList())
        {
            table.Remove(key);
        }
    }

    /// <summary>A confidence from how many days of history an entity has against the learning period (0.2 to 1).</summary>
    protected double HistoryConfidence(double days) => Math.Clamp(days / Math.Max(1, Settings.LearningDays), 0.2, 1);

    protected static string Day(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Clock(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
