using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>The fields we read of <c>api.v2010.account.call</c>.</summary>
internal sealed record CallResource(
    [property: JsonPropertyName("sid")] string? Sid,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("from")] string? From);
