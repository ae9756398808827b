namespace VoiceConnector.Functions.Twilio;

/// <summary>When a failed Twilio request may be sent again.</summary>
internal enum TwilioRetryMode
{
    /// <summary>Repeating it cannot change the outcome (GET, DELETE, setting the same webhook URLs).</summary>
    Idempotent,

    /// <summary>It costs money or starts something (buy, call): resent only when it provably never left.</summary>
    OnlyIfNotSent,
}
