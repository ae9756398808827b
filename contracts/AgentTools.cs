namespace VoiceConnector.Contracts;

/// <summary>Names of the tools an agent may be allowed to call.</summary>
public static class AgentTools
{
    public const string HangUp = "hang_up";
    public const string Transfer = "transfer";
    public const string SendDtmf = "send_dtmf";

    public static IReadOnlyList<string> All { get; } = [HangUp, Transfer, SendDtmf];
}
