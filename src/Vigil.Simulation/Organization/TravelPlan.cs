namespace Vigil.Simulation.Organization;

/// <summary>Days a person works from abroad, connecting to the VPN from a hotel.</summary>
/// <param name="FirstDay">The first day abroad.</param>
/// <param name="LastDay">The last day abroad.</param>
/// <param name="City">Where.</param>
/// <param name="Address">The hotel's address.</param>
/// <param name="HourOffset">The hours the destination is behind UTC (the working day starts that much later in UTC).</param>
/// <param name="Record">The truth entry the VPN logons abroad count towards.</param>
internal sealed record TravelPlan(int FirstDay, int LastDay, City City, string Address, int HourOffset, Scenarios.ScenarioRecord Record)
{
    /// <summary>Whether the person is abroad on a day.</summary>
    public bool Covers(int day) => day >= FirstDay && day <= LastDay;
}
