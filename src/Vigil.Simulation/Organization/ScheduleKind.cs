namespace Vigil.Simulation.Organization;

/// <summary>How a person's working days and hours are laid out.</summary>
internal enum ScheduleKind
{
    /// <summary>Weekdays, starting between 07:00 and 10:00 for 8-9 hours.</summary>
    Office,

    /// <summary>12-hour day shifts from about 07:00, 3-4 a week on a rotation that includes weekends.</summary>
    DayShift,

    /// <summary>12-hour night shifts from about 19:00, 3-4 a week on a rotation that includes weekends.</summary>
    NightShift,
}
