using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>Twilio's error body: <c>{"code": 21452, "message": "...", "more_info": "https://...", "status": 400}</c>.</summary>
internal sealed record TwilioErrorBody(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("more_info")] string? MoreInfo,
    [property: JsonPropertyName("status")] int? Status);
