using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>Counts a stream's incoming messages into the metrics: all messages, unknown events, sequence-number gaps.</summary>
internal sealed class TwilioInboundCounter
{
    private readonly TwilioMetrics metrics;
    private long lastSequence;

    public TwilioInboundCounter(TwilioMetrics metrics) => this.metrics = metrics;

    /// <summary>Messages missing from the sequence numbers seen so far.</summary>
    public long MissingMessages { get; private set; }

    public void Count(in TwilioInbound message)
    {
        metrics.MessagesReceived.Add(1);
        if (message.Event is TwilioEventType.Unknown or TwilioEventType.Clear)
        {
            metrics.UnknownEvents.Add(1);
        }

        var sequence = message.SequenceNumber;
        if (sequence > 0)
        {
            if (lastSequence > 0 && sequence > lastSequence + 1)
            {
                MissingMessages += sequence - lastSequence - 1;
                metrics.SequenceGaps.Add(sequence - lastSequence - 1);
            }

            lastSequence = Math.Max(lastSequence, sequence);
        }
    }

    /// <summary>A message that is not a JSON text frame: ignored, counted as unknown.</summary>
    public void CountUnknown()
    {
        metrics.MessagesReceived.Add(1);
        metrics.UnknownEvents.Add(1);
    }
}
