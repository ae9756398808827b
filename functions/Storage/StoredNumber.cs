namespace VoiceConnector.Functions.Storage;

/// <summary>A phone number of a tenant and the agent answering it.</summary>
/// <param name="Kind">See <see cref="NumberKinds"/>.</param>
/// <param name="Routing">See <see cref="NumberRoutings"/>.</param>
/// <param name="TwilioSid">Twilio's IncomingPhoneNumber SID (PN...), for <see cref="NumberKinds.Twilio"/> numbers.</param>
public sealed record StoredNumber(
    string Id,
    string TenantId,
    string PhoneNumber,
    string? AgentId,
    string Kind,
    string Routing,
    string? TwilioSid,
    DateTimeOffset CreatedAt);
