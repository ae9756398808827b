namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>The o= line: username, session id, session version, address.</summary>
public sealed record SdpOrigin(string UserName, string SessionId, ulong SessionVersion, string Address)
{
    public override string ToString() =>
        $"{UserName} {SessionId} {SessionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)} IN {SdpConnection.AddressType(Address)} {Address}";
}
