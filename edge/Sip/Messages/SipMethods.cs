namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>Method names (case-sensitive per RFC 3261 §7.1).</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    /// <summary>What this UAS implements (the Allow header).</summary>
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY";

    /// <summary>Methods we know but do not implement: 405 rather than 501.</summary>
    public static bool IsKnownUnsupported(string method) =>
        method is Register or Refer or Info or Update or Prack or Subscribe or Message or Publish;
}
