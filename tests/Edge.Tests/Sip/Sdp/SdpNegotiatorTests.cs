using System.Net;
using VoiceConnector.Edge.Sip.Sdp;

namespace VoiceConnector.Edge.Tests.Sip.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly SdpOrigin Origin = new("edge", "42", 1, "127.0.0.1");

    private static SessionDescription Offer(string media, string extra = "", string connection = "192.0.2.10") =>
        SessionDescription.TryParse(
            $"v=0\r\no=u 1 2 IN IP4 {connection}\r\ns=-\r\nc=IN IP4 {connection}\r\nt=0 0\r\nm=audio 40000 RTP/AVP {media}\r\n{extra}",
            out var offer) ? offer : throw new InvalidOperationException("bad test offer");

    [Fact]
    public void Select_SippOffer_PicksPcmaAndTelephoneEvent()
    {
        var offer = Offer("8 101", "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-11,16\r\n");
        var selection = SdpNegotiator.Select(offer)!;
        Assert.Equal("PCMA", selection.Codec.Name);
        Assert.Equal(8, selection.Codec.PayloadType);
        Assert.Equal(101, selection.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000), selection.RemoteEndPoint);
        Assert.Equal(SdpDirection.SendRecv, selection.AnswerDirection);
        Assert.True(selection.Sending);
    }

    [Theory]
    [InlineData("0 8 9", "G722")]
    [InlineData("8 0", "PCMU")]
    [InlineData("8", "PCMA")]
    [InlineData("18 8 96", "PCMA")]
    public void Select_OfferedCodecs_PrefersG722ThenPcmuThenPcma(string formats, string expected) =>
        Assert.Equal(expected, SdpNegotiator.Select(Offer(formats))!.Codec.Name);

    [Fact]
    public void Select_DynamicPayloadTypeForG711_UsesCallersNumber()
    {
        var selection = SdpNegotiator.Select(Offer("96", "a=rtpmap:96 PCMU/8000\r\n"))!;
        Assert.Equal("PCMU", selection.Codec.Name);
        Assert.Equal(96, selection.Codec.PayloadType);
    }

    [Theory]
    [InlineData("18 3", "")]
    [InlineData("96", "a=rtpmap:96 opus/48000/2\r\n")]
    public void Select_NoUsableCodec_ReturnsNull(string formats, string extra) =>
        Assert.Null(SdpNegotiator.Select(Offer(formats, extra)));

    [Fact]
    public void Select_SecureProfileOnly_ReturnsNull()
    {
        Assert.True(SessionDescription.TryParse("v=0\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 0\r\n", out var offer));
        Assert.Null(SdpNegotiator.Select(offer));
    }

    [Theory]
    [InlineData("a=sendonly\r\n", SdpDirection.RecvOnly, false)]
    [InlineData("a=recvonly\r\n", SdpDirection.SendOnly, true)]
    [InlineData("a=inactive\r\n", SdpDirection.Inactive, false)]
    [InlineData("a=sendrecv\r\n", SdpDirection.SendRecv, true)]
    public void Select_OfferDirection_AnswerMirrorsIt(string attribute, SdpDirection expected, bool sending)
    {
        var selection = SdpNegotiator.Select(Offer("0", attribute))!;
        Assert.Equal(expected, selection.AnswerDirection);
        Assert.Equal(sending, selection.Sending);
    }

    [Fact]
    public void Select_LegacyHoldAddress_DoesNotSend() =>
        Assert.False(SdpNegotiator.Select(Offer("0", connection: "0.0.0.0"))!.Sending);

    [Fact]
    public void Select_Ptime30_IsPassedOn() =>
        Assert.Equal(30, SdpNegotiator.Select(Offer("8", "a=ptime:30\r\n"))!.PtimeMs);

    [Fact]
    public void BuildAnswer_OfferWithVideo_KeepsLineCountAndRejectsVideo()
    {
        Assert.True(SessionDescription.TryParse(
            "v=0\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=video 5000 RTP/AVP 31\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n",
            out var offer));
        var selection = SdpNegotiator.Select(offer)!;
        var answerText = SdpNegotiator.BuildAnswer(offer, selection, Origin, 20000).ToString();
        Assert.True(SessionDescription.TryParse(answerText, out var answer));
        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(0, answer.Media[0].Port);
        Assert.Equal(20000, answer.Media[1].Port);
        Assert.Equal(["0", "101"], answer.Media[1].Formats);
        Assert.Equal(SdpDirection.RecvOnly, answer.Media[1].Direction);
        Assert.Equal("127.0.0.1", answer.ConnectionAddress);
        Assert.Contains("a=rtpmap:0 PCMU/8000\r\n", answerText, StringComparison.Ordinal);
        Assert.Contains("a=ptime:20\r\n", answerText, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAnswer_G722_AdvertisesClock8000()
    {
        var offer = Offer("9 0");
        var answer = SdpNegotiator.BuildAnswer(offer, SdpNegotiator.Select(offer)!, Origin, 20002).ToString();
        Assert.Contains("a=rtpmap:9 G722/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=audio 20002 RTP/AVP 9\r\n", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n")]
    [InlineData("v=1\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n")]
    [InlineData("v=0\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio x RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4\r\nt=0 0\r\n")]
    [InlineData("garbage")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(SessionDescription.TryParse(text, out _));

    [Fact]
    public void TryParse_MediaLevelConnection_WinsOverSession()
    {
        var offer = Offer("0", "c=IN IP4 198.51.100.7\r\n");
        Assert.Equal(IPAddress.Parse("198.51.100.7"), SdpNegotiator.Select(offer)!.RemoteEndPoint.Address);
    }
}
