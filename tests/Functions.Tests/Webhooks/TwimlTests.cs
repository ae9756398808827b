using System.Xml.Linq;
using VoiceConnector.Functions.Webhooks;

namespace VoiceConnector.Functions.Tests.Webhooks;

public sealed class TwimlTests
{
    [Fact]
    public void ConnectStream_ParametersWithMarkup_EscapedAndParsedBack()
    {
        var xml = Twiml.ConnectStream(new Uri("wss://edge.example.com/twilio/media"), [new("agentId", "a\"<&>'b"), new("to", "+14155550100")], "Sorry & goodbye");

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream url=\"wss://edge.example.com/twilio/media\">", xml, StringComparison.Ordinal);
        var parameters = XDocument.Parse(xml).Root!.Element("Connect")!.Element("Stream")!.Elements("Parameter").ToList();
        Assert.Equal("a\"<&>'b", parameters[0].Attribute("value")!.Value);
        Assert.Equal("to", parameters[1].Attribute("name")!.Value);
    }

    [Fact]
    public void ConnectStream_FailureMessage_SaidThenHangupAfterConnect()
    {
        var xml = Twiml.ConnectStream(new Uri("wss://edge.example.com/twilio/media"), [], "Sorry & goodbye");

        var verbs = XDocument.Parse(xml).Root!.Elements().ToList();
        Assert.Equal(["Connect", "Say", "Hangup"], verbs.Select(v => v.Name.LocalName));
        Assert.Equal("Sorry & goodbye", verbs[1].Value);
    }

    [Fact]
    public void SayAndHangup_Text_SayThenHangup()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry &amp; goodbye</Say><Hangup /></Response>",
            Twiml.SayAndHangup("Sorry & goodbye"));
    }

    [Fact]
    public void DialSipAndNumber_Targets_InTheirNouns()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial answerOnBridge=\"true\"><Sip>sip:+1415@edge;transport=tcp?X-A=1&amp;X-B=2</Sip></Dial></Response>",
            Twiml.DialSip("sip:+1415@edge;transport=tcp?X-A=1&X-B=2"));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Number>+12125550123</Number></Dial></Response>", Twiml.DialNumber("+12125550123"));
    }

    [Theory]
    [InlineData("sip:edge.example.com", "sip:+14155550100@edge.example.com")]
    [InlineData("sip:edge.example.com:5080;transport=tcp", "sip:+14155550100@edge.example.com:5080;transport=tcp")]
    [InlineData("sips:agent@edge.example.com;transport=tls", "sips:+14155550100@edge.example.com;transport=tls")]
    [InlineData("sip:edge.example.com?X-Tenant=a@b", "sip:+14155550100@edge.example.com?X-Tenant=a@b")]
    public void EdgeSipUri_ForNumber_NumberIsUserPart(string configured, string expected)
    {
        Assert.Equal(expected, EdgeSipUri.ForNumber(configured, "+14155550100"));
    }
}
