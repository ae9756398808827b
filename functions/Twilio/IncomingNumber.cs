namespace VoiceConnector.Functions.Twilio;

/// <summary>A number the account owns (Twilio's IncomingPhoneNumber).</summary>
public sealed record IncomingNumber(string Sid, string PhoneNumber, string? VoiceUrl, string? StatusCallback);
