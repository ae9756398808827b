using System.Text;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>Captures what the transaction layer sends, with the manual clock's time, for timer schedule checks.</summary>
internal sealed class RecordingTransport(TimeProvider time) : ISipTransport
{
    public List<(DateTimeOffset At, SipRemote Target, string Text)> Sent { get; } = [];

    public bool Send(SipRemote target, byte[] data)
    {
        Sent.Add((time.GetUtcNow(), target, Encoding.UTF8.GetString(data)));
        return true;
    }
}
