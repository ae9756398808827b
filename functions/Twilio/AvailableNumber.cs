namespace VoiceConnector.Functions.Twilio;

/// <summary>A number Twilio offers for purchase.</summary>
public sealed record AvailableNumber(
    string PhoneNumber,
    string FriendlyName,
    string? Locality,
    string? Region,
    string IsoCountry,
    bool Voice);
