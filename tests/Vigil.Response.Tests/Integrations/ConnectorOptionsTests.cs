using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

public sealed class ConnectorOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ConnectorOptions { Name = "chat", BaseUrl = new Uri("https://chat.example.org/") };

        options.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.MaxRetries.ShouldBe(3);
        options.Authentication.Kind.ShouldBe(ConnectorAuthKind.None);
        options.CircuitBreaker.FailureRatio.ShouldBe(0.5);
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_BadValues_ListEachProblem()
    {
        var options = new ConnectorOptions
        {
            Name = "",
            BaseUrl = new Uri("https://x.example.org/"),
            Timeout = TimeSpan.Zero,
            MaxRetries = 11,
            CircuitBreaker = new CircuitBreakerSettings { FailureRatio = 2, MinimumThroughput = 1, BreakDuration = TimeSpan.FromMilliseconds(10) },
            Authentication = ConnectorAuthentication.ApiKey("", "k"),
        };

        options.Validate().Count.ShouldBe(7);
    }

    [Fact]
    public void ToString_HidesThePathOfTheUrlAndEverySecret()
    {
        const string secret = "T00000/B00000/XXXXXXXXXXXXXXXX";
        var options = new ConnectorOptions
        {
            Name = "slack",
            BaseUrl = new Uri("https://hooks.slack.example/services/" + secret),
            Authentication = ConnectorAuthentication.Basic("user", "pw-" + secret),
        };

        var text = options.ToString();

        text.ShouldContain("https://hooks.slack.example");
        text.ShouldNotContain(secret);
        text.ShouldContain("Basic(user:***)");
    }
}
