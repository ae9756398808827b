namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// The few Twilio REST API 2010-04-01 operations the functions app uses (numbers and calls), as described by
/// Twilio's OpenAPI spec (../shared/specs/twilio_api_v2010_numbers_calls.json).
/// Failures surface as <see cref="TwilioApiException"/>.
/// </summary>
public interface ITwilioRestClient
{
    /// <summary>GET /2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/{Type}.json</summary>
    Task<IReadOnlyList<AvailableNumber>> SearchAvailableNumbersAsync(AvailableNumberQuery query, CancellationToken cancellationToken);

    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json</summary>
    Task<IncomingNumber> BuyNumberAsync(BuyNumberRequest request, CancellationToken cancellationToken);

    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json (VoiceUrl, StatusCallback).</summary>
    Task<IncomingNumber> UpdateNumberWebhooksAsync(string numberSid, string voiceUrl, string statusCallback, CancellationToken cancellationToken);

    /// <summary>DELETE /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json</summary>
    Task ReleaseNumberAsync(string numberSid, CancellationToken cancellationToken);

    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</summary>
    Task<TwilioCall> CreateCallAsync(CreateCallRequest request, CancellationToken cancellationToken);

    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json with new TwiML (used for transfers).</summary>
    Task<TwilioCall> RedirectCallAsync(string callSid, string twiml, CancellationToken cancellationToken);

    /// <summary>
    /// GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json (all pages), optionally only
    /// <paramref name="phoneNumber"/>: tells whether a purchase whose outcome was unknown went through.
    /// </summary>
    Task<IReadOnlyList<IncomingNumber>> ListNumbersAsync(string? phoneNumber, CancellationToken cancellationToken);

    /// <summary>GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json</summary>
    Task<TwilioCall> GetCallAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json with Status=completed (hang up).</summary>
    Task<TwilioCall> EndCallAsync(string callSid, CancellationToken cancellationToken);
}
