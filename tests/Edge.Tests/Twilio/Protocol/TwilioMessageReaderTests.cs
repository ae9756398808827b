using System.Text;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Tests.Twilio.Protocol;

public sealed class TwilioMessageReaderTests
{
    private readonly byte[] payload = new byte[4096];

    private static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Twilio", "Data", name));

    private TwilioReadStatus Read(string json, out TwilioInbound message) =>
        TwilioMessageReader.Read(Encoding.UTF8.GetBytes(json), payload, out message);

    [Fact]
    public void Read_DocumentedConnected_IsConnected()
    {
        var status = TwilioMessageReader.Read(Golden("connected.json"), payload, out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Connected, message.Event);
        Assert.Equal(-1, message.SequenceNumber);
    }

    [Fact]
    public void Read_DocumentedStart_HasSidsFormatAndParameters()
    {
        var status = TwilioMessageReader.Read(Golden("start.json"), payload, out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Start, message.Event);
        Assert.Equal(1, message.SequenceNumber);
        var start = Assert.IsType<TwilioStart>(message.Start);
        Assert.Equal("MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", start.StreamSid);
        Assert.Equal("CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", start.CallSid);
        Assert.Equal("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", start.AccountSid);
        Assert.Equal(["inbound"], start.Tracks);
        Assert.True(start.MediaFormat!.IsMuLaw8kMono);
        Assert.Equal("Jane", start.CustomParameters["FirstName"]);
        Assert.Equal("Bob", start.CustomParameters["RemoteParty"]);
    }

    [Fact]
    public void Read_DocumentedDtmfMarkStop_AreTyped()
    {
        Assert.Equal(TwilioReadStatus.Ok, TwilioMessageReader.Read(Golden("dtmf.json"), payload, out var dtmf));
        Assert.Equal(TwilioReadStatus.Ok, TwilioMessageReader.Read(Golden("mark.json"), payload, out var mark));
        Assert.Equal(TwilioReadStatus.Ok, TwilioMessageReader.Read(Golden("stop.json"), payload, out var stop));

        Assert.Equal(new TwilioDtmf("inbound_track", "1"), dtmf.Dtmf);
        Assert.Equal(5, dtmf.SequenceNumber);
        Assert.Equal(TwilioEventType.Mark, mark.Event);
        Assert.Equal(-1, mark.MarkId); // "my label" is not a mark this edge sent
        Assert.Equal(new TwilioStop("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"), stop.Stop);
    }

    [Fact]
    public void Read_DocumentedMediaWithTruncatedPayload_IsBadBase64()
    {
        var status = TwilioMessageReader.Read(Golden("media_documented.json"), payload, out _);

        Assert.Equal(TwilioReadStatus.BadBase64, status);
    }

    [Fact]
    public void Read_Media_DecodesPayloadAndCounters()
    {
        byte[] audio = [0xFF, 0x7F, 0x00, 0x80, 0x12, 0x9A];
        var json = $$"""{"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"2","timestamp":"40","payload":"{{Convert.ToBase64String(audio)}}"},"streamSid":"MZ1"}""";

        var status = Read(json, out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Media, message.Event);
        Assert.Equal(3, message.SequenceNumber);
        Assert.Equal(2, message.Chunk);
        Assert.Equal(40, message.TimestampMs);
        Assert.True(message.HasPayload);
        Assert.Equal(audio, payload.AsSpan(0, message.PayloadLength).ToArray());
    }

    [Fact]
    public void Read_MediaWithEscapedSlashAndEventLast_DecodesPayload()
    {
        var json = """{"media":{"payload":"\/\/8A"},"streamSid":"MZ1","event":"media"}""";

        var status = Read(json, out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Media, message.Event);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0x00 }, payload.AsSpan(0, message.PayloadLength).ToArray());
    }

    [Fact]
    public void Read_OurMarkEchoed_ParsesId()
    {
        var status = Read("""{"event":"mark","sequenceNumber":"9","streamSid":"MZ1","mark":{"name":"42"}}""", out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(42, message.MarkId);
    }

    [Fact]
    public void Read_UnknownEventWithNestedBody_IsUnknownAndSkipped()
    {
        var status = Read("""{"event":"transcription","sequenceNumber":"7","transcription":{"text":"hi","words":[{"w":"hi"}]}}""", out var message);

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Unknown, message.Event);
        Assert.Equal(7, message.SequenceNumber);
    }

    [Theory]
    [InlineData("""{"event":"media","media":{"payload":"AAAA"}""")]
    [InlineData("""not json""")]
    [InlineData("""["event","media"]""")]
    [InlineData("""{"event":"media"} trailing""")]
    [InlineData("""{"event":5}""")]
    [InlineData("""{"event":"start","start":{"streamSid":12}}""")]
    [InlineData("""{"event":"media","media":{"payload":12}}""")]
    [InlineData("")]
    public void Read_MalformedJson_IsMalformed(string json)
    {
        Assert.Equal(TwilioReadStatus.MalformedJson, Read(json, out _));
    }

    [Fact]
    public void Read_BadBase64_IsBadBase64()
    {
        Assert.Equal(TwilioReadStatus.BadBase64, Read("""{"event":"media","media":{"payload":"A*B="}}""", out _));
    }

    [Fact]
    public void Read_PayloadLargerThanBuffer_IsTooLarge()
    {
        var big = Convert.ToBase64String(new byte[3000]);
        var small = new byte[1000];

        var status = TwilioMessageReader.Read(Encoding.UTF8.GetBytes($$$"""{"event":"media","media":{"payload":"{{{big}}}"}}"""), small, out _);

        Assert.Equal(TwilioReadStatus.PayloadTooLarge, status);
    }

    [Fact]
    public void Read_NonNumericSequence_IsMinusOne()
    {
        Assert.Equal(TwilioReadStatus.Ok, Read("""{"event":"dtmf","sequenceNumber":"x1","dtmf":{"track":"inbound_track","digit":"#"}}""", out var message));
        Assert.Equal(-1, message.SequenceNumber);
        Assert.Equal("#", message.Dtmf!.Digit);
    }
}
