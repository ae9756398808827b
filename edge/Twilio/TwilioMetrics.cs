using System.Diagnostics.Metrics;

namespace VoiceConnector.Edge.Twilio;

/// <summary>Media Streams instruments on the edge's <c>VoiceConnector.Edge</c> meter.</summary>
internal sealed class TwilioMetrics
{
    public const string MeterName = "VoiceConnector.Edge";

    public TwilioMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        StreamsActive = meter.CreateUpDownCounter<long>("voiceconnector.twilio.streams.active", "{stream}", "Media Streams sockets with a live call");
        HandshakesRejected = meter.CreateCounter<long>("voiceconnector.twilio.handshakes.rejected", "{request}", "Upgrades refused (bad signature, not a WebSocket, draining)");
        MessagesReceived = meter.CreateCounter<long>("voiceconnector.twilio.messages.received", "{message}", "Messages received from Twilio");
        MessagesSent = meter.CreateCounter<long>("voiceconnector.twilio.messages.sent", "{message}", "Messages sent to Twilio");
        UnknownEvents = meter.CreateCounter<long>("voiceconnector.twilio.unknown_events", "{message}", "Messages with an event this edge does not know, ignored");
        ProtocolErrors = meter.CreateCounter<long>("voiceconnector.twilio.protocol_errors", "{error}", "Malformed or out-of-order input");
        SequenceGaps = meter.CreateCounter<long>("voiceconnector.twilio.sequence_gaps", "{message}", "Messages missing from the sequence numbers received");
        SendInterval = meter.CreateHistogram<double>("voiceconnector.twilio.send_interval", "ms", "Time between consecutive paced media sends of a stream");
    }

    public UpDownCounter<long> StreamsActive { get; }

    public Counter<long> HandshakesRejected { get; }

    /// <summary>Untagged: it counts every media frame, and tagged series cost more per measurement.</summary>
    public Counter<long> MessagesReceived { get; }

    /// <summary>Untagged, like <see cref="MessagesReceived"/>.</summary>
    public Counter<long> MessagesSent { get; }

    public Counter<long> UnknownEvents { get; }

    /// <summary>Tagged with <c>error</c>.</summary>
    public Counter<long> ProtocolErrors { get; }

    public Counter<long> SequenceGaps { get; }

    public Histogram<double> SendInterval { get; }
}
