using System.Text;
using BenchmarkDotNet.Attributes;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Sdp;
using VoiceConnector.Edge.Sip.Transactions;

namespace VoiceConnector.Edge.Benchmarks.Sip;

/// <summary>SIP signalling cost per message: parse and validate an INVITE, match it, build and serialize the 200 with its SDP answer.</summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private static readonly SdpOrigin Origin = new("voiceconnector", "1", 1, "127.0.0.1");

    private readonly byte[] invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+15551234567@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK776asdhds;rport\r\n"
        + "Max-Forwards: 70\r\nTo: \"Agent\" <sip:+15551234567@127.0.0.1>\r\nFrom: \"Alice\" <sip:alice@192.0.2.10>;tag=1928301774\r\n"
        + "Call-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314159 INVITE\r\nContact: <sip:alice@192.0.2.10:5062>\r\n"
        + "Content-Type: application/sdp\r\nContent-Length: 153\r\n\r\n"
        + "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        + "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n");

    [Benchmark(Description = "Parse + validate INVITE")]
    public SipParseResult Parse() => SipMessageParser.Parse(invite, datagram: true);

    [Benchmark(Description = "INVITE -> transaction key + 200 OK with SDP answer, serialized")]
    public byte[] Answer()
    {
        var request = (SipRequest)SipMessageParser.Parse(invite, datagram: true).Message!;
        _ = TransactionKey.ForServer(request);
        var offer = SessionDescription.TryParse(request.BodyText, out var parsed) ? parsed : throw new InvalidOperationException("bad SDP");
        var selection = SdpNegotiator.Select(offer)!;
        var ok = SipResponseFactory.Create(request, 200, "edge-tag");
        ok.Body = Encoding.UTF8.GetBytes(SdpNegotiator.BuildAnswer(offer, selection, Origin, 20000).ToString());
        return ok.ToBytes();
    }
}
