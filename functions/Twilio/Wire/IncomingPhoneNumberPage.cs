using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>A page of <c>ListIncomingPhoneNumberResponse</c>.</summary>
internal sealed record IncomingPhoneNumberPage(
    [property: JsonPropertyName("incoming_phone_numbers")] IReadOnlyList<IncomingPhoneNumberResource>? IncomingPhoneNumbers,
    [property: JsonPropertyName("next_page_uri")] string? NextPageUri);
