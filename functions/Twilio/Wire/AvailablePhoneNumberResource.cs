using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>The fields we read of <c>api.v2010.account.available_phone_number_country.available_phone_number_*</c>.</summary>
internal sealed record AvailablePhoneNumberResource(
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("friendly_name")] string? FriendlyName,
    [property: JsonPropertyName("locality")] string? Locality,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("iso_country")] string? IsoCountry,
    [property: JsonPropertyName("capabilities")] PhoneNumberCapabilities? Capabilities);
