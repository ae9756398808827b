using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api.Numbers;

/// <summary>A number as the API shows it.</summary>
public sealed record NumberResource(
    string Id,
    string PhoneNumber,
    string Kind,
    string Routing,
    string? AgentId,
    string? TwilioSid,
    DateTimeOffset CreatedAt)
{
    public static NumberResource From(StoredNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.Id, number.PhoneNumber, number.Kind, number.Routing, number.AgentId, number.TwilioSid, number.CreatedAt);
    }
}
