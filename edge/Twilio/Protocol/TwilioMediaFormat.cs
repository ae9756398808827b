namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>Audio format of a stream; Twilio always sends <c>audio/x-mulaw</c>, 8000 Hz, 1 channel.</summary>
public sealed record TwilioMediaFormat(string Encoding, int SampleRate, int Channels)
{
    public const string MuLaw = "audio/x-mulaw";

    public bool IsMuLaw8kMono => Encoding == MuLaw && SampleRate == 8000 && Channels == 1;
}
