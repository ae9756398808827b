namespace VoiceConnector.Functions.Twilio;

/// <summary>Buys <paramref name="PhoneNumber"/> and points its voice webhook and status callback at this app.</summary>
public sealed record BuyNumberRequest(string PhoneNumber, string VoiceUrl, string StatusCallback, string? FriendlyName = null);
