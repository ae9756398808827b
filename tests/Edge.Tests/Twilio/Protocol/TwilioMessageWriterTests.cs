using System.Text.Json;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Tests.Twilio.Protocol;

public sealed class TwilioMessageWriterTests
{
    private const string StreamSid = "MZ0123456789abcdef0123456789abcdef";

    private static JsonElement Parse(TwilioOutgoingMessage message)
    {
        try
        {
            return JsonDocument.Parse(message.Json).RootElement.Clone();
        }
        finally
        {
            message.Return();
        }
    }

    [Fact]
    public void Media_WritesDocumentedShapeWithBase64Payload()
    {
        using var writer = new TwilioMessageWriter(StreamSid);
        var audio = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();

        var json = Parse(writer.Media(audio));

        Assert.Equal("media", json.GetProperty("event").GetString());
        Assert.Equal(StreamSid, json.GetProperty("streamSid").GetString());
        Assert.Equal(audio, Convert.FromBase64String(json.GetProperty("media").GetProperty("payload").GetString()!));
        Assert.Equal(3, json.EnumerateObject().Count());
    }

    [Fact]
    public void MarkAndClear_WriteDocumentedShape()
    {
        using var writer = new TwilioMessageWriter(StreamSid);

        var mark = Parse(writer.Mark(1234567));
        var clear = Parse(writer.Clear());

        Assert.Equal("mark", mark.GetProperty("event").GetString());
        Assert.Equal("1234567", mark.GetProperty("mark").GetProperty("name").GetString());
        Assert.Equal(StreamSid, mark.GetProperty("streamSid").GetString());
        Assert.Equal("clear", clear.GetProperty("event").GetString());
        Assert.Equal(StreamSid, clear.GetProperty("streamSid").GetString());
        Assert.Equal(2, clear.EnumerateObject().Count());
    }

    [Fact]
    public void Media_ReusedWriter_EachMessageIndependent()
    {
        using var writer = new TwilioMessageWriter(StreamSid);

        var first = Parse(writer.Media([1, 2, 3]));
        var second = Parse(writer.Media([4]));

        Assert.Equal("AQID", first.GetProperty("media").GetProperty("payload").GetString());
        Assert.Equal("BA==", second.GetProperty("media").GetProperty("payload").GetString());
    }

    [Fact]
    public void Media_ReadBackByReader_RoundTrips()
    {
        using var writer = new TwilioMessageWriter(StreamSid);
        var audio = new byte[] { 0xFF, 0x00, 0x7F, 0x80 };
        var message = writer.Media(audio);
        var payload = new byte[256];

        var status = TwilioMessageReader.Read(message.Json.Span, payload, out var read);
        message.Return();

        Assert.Equal(TwilioReadStatus.Ok, status);
        Assert.Equal(TwilioEventType.Media, read.Event);
        Assert.Equal(audio, payload.AsSpan(0, read.PayloadLength).ToArray());
    }
}
