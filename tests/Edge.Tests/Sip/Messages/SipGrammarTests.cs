using System.Text;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Tests.Sip.Messages;

public sealed class SipGrammarTests
{
    [Fact]
    public void SipUriTryParse_FullUri_ReadsEveryPart()
    {
        Assert.True(SipUri.TryParse("sips:al%69ce:secret@[2001:db8::1]:5061;transport=tcp;lr?subject=hi", out var uri));
        Assert.Equal("sips", uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("[2001:db8::1]", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.GetParameter("transport"));
        Assert.Equal(string.Empty, uri.GetParameter("lr"));
        Assert.Equal("subject=hi", uri.Headers);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@host:")]
    [InlineData("sip:user@host:70000")]
    [InlineData("sip:user@ho st")]
    [InlineData("sip:%zz@host")]
    [InlineData("sip:[::1")]
    [InlineData("1sip:host")]
    public void SipUriTryParse_Malformed_ReturnsFalse(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void SipUriToString_UserWithSpaces_EscapesAgain()
    {
        Assert.True(SipUri.TryParse("sip:I%20have%20spaces@example.net", out var uri));
        Assert.Equal("sip:I%20have%20spaces@example.net", uri.ToString());
    }

    [Fact]
    public void SipNameAddressTryParse_QuotedDisplayWithEscapes_SeparatesUriAndHeaderParameters()
    {
        Assert.True(SipNameAddress.TryParse("\"Bob \\\"B\\\" Smith\" <sip:bob@example.com;transport=udp>;tag=xyz;expires=60", out var address));
        Assert.Equal("Bob \"B\" Smith", address.DisplayName);
        Assert.Equal("udp", address.Uri.GetParameter("transport"));
        Assert.Equal("xyz", address.Tag);
        Assert.Equal("60", address.GetParameter("expires"));
    }

    [Fact]
    public void SipNameAddressTryParse_AddrSpec_ParametersBelongToHeader()
    {
        Assert.True(SipNameAddress.TryParse("sip:bob@example.com;tag=abc", out var address));
        Assert.Null(address.Uri.GetParameter("tag"));
        Assert.Equal("abc", address.Tag);
    }

    [Fact]
    public void SipViaTryParse_RportAndReceived_AreExposed()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/udp 192.0.2.1:5070;branch=z9hG4bKabc;rport;received=10.0.0.1", out var via));
        Assert.Equal("UDP", via.Transport);
        Assert.Equal(string.Empty, via.RPort);
        Assert.Equal("10.0.0.1", via.Received);
        Assert.True(via.HasMagicCookie);
        Assert.Equal("192.0.2.1:5070", via.SentBy);
        Assert.Equal("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bKabc;rport=5071;received=10.0.0.1", via.WithParameter("rport", "5071").ToString());
    }

    [Fact]
    public void Parse_BareLineFeeds_AreAccepted()
    {
        var text = "OPTIONS sip:a@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:b@h>;tag=1\nTo: <sip:a@h>\nCall-ID: lf\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n";
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), datagram: true);
        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Parse_RepeatedAndCommaSeparatedHeaders_ListsAllValues()
    {
        var text = "OPTIONS sip:a@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:b@h>;tag=1\r\nTo: <sip:a@h>\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n"
            + "Route: <sip:p1@h;lr>, <sip:p2@h;lr>\r\nRoute: \"a, b\" <sip:p3@h;lr>\r\nSubject: a, b\r\nContent-Length: 0\r\n\r\n";
        var message = SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), datagram: true).Message!;
        Assert.Equal(3, message.Headers.GetValues("Route").Count);
        Assert.Equal("\"a, b\" <sip:p3@h;lr>", message.Headers.GetValues("Route")[2]);
        Assert.Single(message.Headers.GetValues("Subject"));
    }

    [Fact]
    public void Parse_HugeHeader_IsDroppedNotBuffered()
    {
        var text = "OPTIONS sip:a@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nX-Big: " + new string('a', 60_000) + "\r\n\r\n";
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), datagram: true);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Parse_ExtraBytesBeyondContentLength_AreDiscardedOnUdp()
    {
        var text = "MESSAGE sip:a@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:b@h>;tag=1\r\nTo: <sip:a@h>\r\nCall-ID: x\r\nCSeq: 1 MESSAGE\r\nContent-Length: 2\r\n\r\nhello";
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), datagram: true);
        Assert.True(result.IsValid);
        Assert.Equal("he", result.Message!.BodyText);
    }

    [Fact]
    public void NextFrameLength_StreamWithKeepAliveAndTwoMessages_CutsEachFrame()
    {
        var one = "OPTIONS sip:a@h SIP/2.0\r\nCall-ID: 1\r\nl: 3\r\n\r\nabc";
        var bytes = Encoding.ASCII.GetBytes("\r\n\r\n" + one + one[..10]);
        Assert.Equal(4, SipStreamFramer.NextFrameLength(bytes));
        Assert.Equal(one.Length, SipStreamFramer.NextFrameLength(bytes.AsSpan(4)));
        Assert.Equal(0, SipStreamFramer.NextFrameLength(bytes.AsSpan(4 + one.Length)));
    }

    [Theory]
    [InlineData("Content-Length: -1")]
    [InlineData("Content-Length: abc")]
    [InlineData("Content-Length: 99999999")]
    [InlineData("X-No-Length: 1")]
    public void NextFrameLength_BadOrMissingLength_Unframeable(string header)
    {
        var bytes = Encoding.ASCII.GetBytes("OPTIONS sip:a@h SIP/2.0\r\n" + header + "\r\n\r\n");
        Assert.Equal(-1, SipStreamFramer.NextFrameLength(bytes));
    }
}
