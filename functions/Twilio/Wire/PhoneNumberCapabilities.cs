using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary><c>capabilities</c> (format phone-number-capabilities) of a phone number resource.</summary>
internal sealed record PhoneNumberCapabilities(
    [property: JsonPropertyName("voice")] bool? Voice,
    [property: JsonPropertyName("sms")] bool? Sms,
    [property: JsonPropertyName("mms")] bool? Mms);
