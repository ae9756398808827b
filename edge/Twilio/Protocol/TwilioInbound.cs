namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// A message from Twilio as the edge reads it: the hot fields (media, mark) as numbers and a payload length, with no
/// allocation; the rare bodies (start, dtmf, stop) as typed records. Absent numbers are -1.
/// </summary>
internal struct TwilioInbound
{
    public TwilioEventType Event;
    public long SequenceNumber;
    public long Chunk;
    public long TimestampMs;
    /// <summary>Bytes of decoded mu-law written into the caller's payload buffer.</summary>
    public int PayloadLength;
    /// <summary>True when a <c>media</c> message carried a <c>payload</c>.</summary>
    public bool HasPayload;
    /// <summary>The id of an echoed mark the edge sent (its name is that number); -1 for other names.</summary>
    public long MarkId;
    public TwilioStart? Start;
    public TwilioDtmf? Dtmf;
    public TwilioStop? Stop;

    public static TwilioInbound Empty => new() { SequenceNumber = -1, Chunk = -1, TimestampMs = -1, MarkId = -1 };
}
