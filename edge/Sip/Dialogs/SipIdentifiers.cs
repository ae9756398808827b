using System.Security.Cryptography;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>Cryptographically random tags, branches and Call-IDs (RFC 3261 §19.3).</summary>
public static class SipIdentifiers
{
    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewBranch() => Messages.SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static uint NewSequence() => (uint)RandomNumberGenerator.GetInt32(1, 1 << 30);
}
