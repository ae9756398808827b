namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>One header line: canonical name and unfolded, trimmed value.</summary>
public readonly record struct SipHeader(string Name, string Value);
