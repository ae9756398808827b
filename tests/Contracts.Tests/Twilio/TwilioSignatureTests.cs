using System.Text;
using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.Contracts.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    private const string PublishedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] PublishedParams =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_TwilioPublishedExample_MatchesPublishedSignature()
    {
        var signature = new TwilioSignature("12345");
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", signature.Compute(PublishedUrl, PublishedParams));
    }

    [Fact]
    public void IsValid_ParametersInAnyOrder_Accepted()
    {
        var signature = new TwilioSignature("12345");
        Assert.True(signature.IsValid(PublishedUrl, PublishedParams.Reverse(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void IsValid_TamperedParameter_Rejected()
    {
        var signature = new TwilioSignature("12345");
        var tampered = PublishedParams.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);
        Assert.False(signature.IsValid(PublishedUrl, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    public void IsValid_MissingOrTruncatedSignature_Rejected(string? header)
    {
        var signature = new TwilioSignature("12345");
        Assert.False(signature.IsValid(PublishedUrl, PublishedParams, header));
    }

    [Fact]
    public void IsValid_WrongToken_Rejected()
    {
        Assert.False(new TwilioSignature("54321").IsValid(PublishedUrl, PublishedParams, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void IsValid_SignedWithPortReceivedWithout_Accepted()
    {
        var signature = new TwilioSignature("12345");
        var signedWithPort = signature.Compute("https://mycompany.com:443/myapp.php?foo=1&bar=2", PublishedParams);
        Assert.True(signature.IsValid(PublishedUrl, PublishedParams, signedWithPort));
    }

    [Fact]
    public void IsValid_SignedWithoutPortReceivedWithPort_Accepted()
    {
        var signature = new TwilioSignature("12345");
        Assert.True(signature.IsValid("https://mycompany.com:1234/myapp.php?foo=1&bar=2", PublishedParams, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void IsValidWithBody_TwilioPublishedJsonExample_Accepted()
    {
        var signature = new TwilioSignature("12345");
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": true}");
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        Assert.True(signature.IsValidWithBody(url, body, "a9nBmqA0ju/hNViExpshrM61xv4="));
    }

    [Fact]
    public void IsValidWithBody_BodyChanged_Rejected()
    {
        var signature = new TwilioSignature("12345");
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": false}");
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        Assert.False(signature.IsValidWithBody(url, body, "a9nBmqA0ju/hNViExpshrM61xv4="));
    }

    [Fact]
    public void IsValid_WebSocketUrl_SignedAsWritten()
    {
        var signature = new TwilioSignature("12345");
        var url = "wss://edge.example.com/twilio/media";
        var header = signature.Compute(url, null);
        Assert.True(signature.IsValid(url, null, header));
        Assert.False(signature.IsValid("https://edge.example.com/twilio/media", null, header));
    }
}
