namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>The Twilio account the app under test is configured with (the fake Twilio server's, or a dummy one).</summary>
public sealed record TwilioAccount(Uri ApiBaseUrl, string AccountSid, string AuthToken)
{
    /// <summary>For tests that never reach Twilio: nothing listens at this address.</summary>
    public static TwilioAccount Unreachable { get; } =
        new(new Uri("http://127.0.0.1:9"), "AC0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef");
}
