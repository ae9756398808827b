namespace VoiceConnector.Edge.Calls;

/// <summary>How a call reaches the edge.</summary>
public enum CallTransport
{
    Sip,
    TwilioMediaStreams,
}
