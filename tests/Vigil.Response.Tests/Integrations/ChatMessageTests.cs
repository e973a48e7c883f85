using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

public sealed class ChatMessageTests
{
    [Fact]
    public void SlackMessage_Create_HasTextAndFieldBlocks()
    {
        var json = SlackMessage.Create("*Host isolated*", [new("host", "ws-17"), new("by", "vigil")]).ToJsonString();

        json.ShouldBe("""{"text":"*Host isolated*","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Host isolated*"}},{"type":"section","fields":[{"type":"mrkdwn","text":"*host*\nws-17"},{"type":"mrkdwn","text":"*by*\nvigil"}]}]}""");
    }

    [Fact]
    public void TeamsMessage_Create_IsAMessageCardWithFacts()
    {
        var card = TeamsMessage.Create("Host isolated", "ws-17 was isolated", [new("host", "ws-17")]);

        card["@type"]!.GetValue<string>().ShouldBe("MessageCard");
        card["summary"]!.GetValue<string>().ShouldBe("Host isolated");
        card["sections"]![0]!["facts"]![0]!["value"]!.GetValue<string>().ShouldBe("ws-17");
    }
}
