namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>Defaults of model and scoring settings.</summary>
public static class ModelDefaults
{
    /// <summary>The learning period, in days.</summary>
    public const double LearningDays = 14;

    /// <summary>The lowest score reported.</summary>
    public const double MinScore = 40;

    /// <summary>Scores from this are high severity.</summary>
    public const double HighScore = 70;

    /// <summary>Scores from this are critical severity.</summary>
    public const double CriticalScore = 90;

    /// <summary>The quiet period after a finding about the same entities.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);

    /// <summary>The factor applied to a finding inside a maintenance window that covers it.</summary>
    public const double MaintenanceFactor = 0.3;

    /// <summary>The factor applied to a finding that matches an approved privileged-access pattern.</summary>
    public const double ApprovedAccessFactor = 0.2;

    /// <summary>The factor applied when the user is privileged.</summary>
    public const double PrivilegedWeight = 1.2;
}
