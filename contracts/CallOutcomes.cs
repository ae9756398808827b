namespace VoiceConnector.Contracts;

/// <summary>Values of <see cref="CallRecord.Outcome"/>.</summary>
public static class CallOutcomes
{
    public const string Completed = "completed";
    public const string Transferred = "transferred";
    public const string Failed = "failed";
    public const string Rejected = "rejected";
}
