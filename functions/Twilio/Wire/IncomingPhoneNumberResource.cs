using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>The fields we read of <c>api.v2010.account.incoming_phone_number</c>.</summary>
internal sealed record IncomingPhoneNumberResource(
    [property: JsonPropertyName("sid")] string? Sid,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("voice_url")] string? VoiceUrl,
    [property: JsonPropertyName("status_callback")] string? StatusCallback);
