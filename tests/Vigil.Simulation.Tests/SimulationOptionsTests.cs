namespace Vigil.Simulation.Tests;

public sealed class SimulationOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        var options = new SimulationOptions { OutputDirectory = "out" };

        options.Validate().ShouldBeEmpty();
        options.Days.ShouldBe(28);
        options.Users.ShouldBe(200);
        options.Seed.ShouldBe(1);
        options.Start.ShouldBe(new DateOnly(2026, 10, 5));
        options.Start.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        options.LearningDays.ShouldBe(14);
    }

    [Theory]
    [InlineData(0, 200, "--days must be between 1 and 366 (got 0)")]
    [InlineData(367, 200, "--days must be between 1 and 366 (got 367)")]
    [InlineData(28, 19, "--users must be between 20 and 20000 (got 19)")]
    [InlineData(28, 20001, "--users must be between 20 and 20000 (got 20001)")]
    public void Validate_OutOfRange_NamesOptionAndValue(int days, int users, string expected)
    {
        var options = new SimulationOptions { Days = days, Users = users, OutputDirectory = "out" };

        options.Validate().ShouldBe([expected]);
    }

    [Fact]
    public void Validate_NoOutput_AsksForIt()
    {
        var options = new SimulationOptions { OutputDirectory = " " };

        options.Validate().ShouldHaveSingleItem().ShouldStartWith("--out is required");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(16, 8)]
    [InlineData(28, 14)]
    [InlineData(366, 14)]
    public void LearningDays_ShortRuns_HalfTheDays(int days, int learning)
        => new SimulationOptions { Days = days, OutputDirectory = "out" }.LearningDays.ShouldBe(learning);

    [Fact]
    public void Run_InvalidOptions_Throws()
    {
        var options = new SimulationOptions { Days = 0, OutputDirectory = "out" };

        Should.Throw<ArgumentException>(() => Simulator.Run(options, CancellationToken.None)).Message.ShouldContain("--days");
    }
}
