using System.Buffers;

namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// A serialized message waiting to be sent: <see cref="Length"/> bytes of UTF-8 JSON in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>. Whoever takes it from the send queue returns the buffer (<see cref="Return"/>).
/// </summary>
internal readonly record struct TwilioOutgoingMessage(byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Json => Buffer.AsMemory(0, Length);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
