namespace Vigil.Analytics.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Assembly_Loads() => typeof(PlaceholderTests).Assembly.ShouldNotBeNull();
}
