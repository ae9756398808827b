using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>A page of <c>ListAvailablePhoneNumber{Local,TollFree,Mobile}Response</c>.</summary>
internal sealed record AvailablePhoneNumberPage(
    [property: JsonPropertyName("available_phone_numbers")] IReadOnlyList<AvailablePhoneNumberResource>? AvailablePhoneNumbers,
    [property: JsonPropertyName("next_page_uri")] string? NextPageUri);
