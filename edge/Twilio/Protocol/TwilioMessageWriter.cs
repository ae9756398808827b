using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// Writes the messages the server sends (<c>media</c>, <c>mark</c>, <c>clear</c>) for one stream with a reused
/// <see cref="Utf8JsonWriter"/>; the payload is base64-encoded by the writer straight from the mu-law span, and the
/// result is copied into a pooled buffer. Not thread-safe: one writer per stream, used under the stream's lock.
/// </summary>
internal sealed class TwilioMessageWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> scratch = new(512);
    private readonly Utf8JsonWriter json;
    private readonly byte[] streamSid;

    public TwilioMessageWriter(string streamSid)
    {
        ArgumentNullException.ThrowIfNull(streamSid);
        this.streamSid = Encoding.UTF8.GetBytes(streamSid);
        json = new Utf8JsonWriter(scratch, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary><c>{"event":"media","streamSid":...,"media":{"payload":"base64"}}</c>.</summary>
    public TwilioOutgoingMessage Media(ReadOnlySpan<byte> muLaw)
    {
        Begin("media"u8);
        json.WriteStartObject("media"u8);
        json.WriteBase64String("payload"u8, muLaw);
        json.WriteEndObject();
        return End();
    }

    /// <summary><c>{"event":"mark","streamSid":...,"mark":{"name":"id"}}</c>; the name is the decimal id.</summary>
    public TwilioOutgoingMessage Mark(long id)
    {
        Span<byte> name = stackalloc byte[20];
        Utf8Formatter.TryFormat(id, name, out var length);
        Begin("mark"u8);
        json.WriteStartObject("mark"u8);
        json.WriteString("name"u8, name[..length]);
        json.WriteEndObject();
        return End();
    }

    /// <summary><c>{"event":"clear","streamSid":...}</c>.</summary>
    public TwilioOutgoingMessage Clear()
    {
        Begin("clear"u8);
        return End();
    }

    public void Dispose() => json.Dispose();

    private void Begin(ReadOnlySpan<byte> eventName)
    {
        scratch.ResetWrittenCount();
        json.Reset(scratch);
        json.WriteStartObject();
        json.WriteString("event"u8, eventName);
        json.WriteString("streamSid"u8, streamSid);
    }

    private TwilioOutgoingMessage End()
    {
        json.WriteEndObject();
        json.Flush();
        var written = scratch.WrittenSpan;
        var buffer = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(buffer);
        return new TwilioOutgoingMessage(buffer, written.Length);
    }
}
