using Microsoft.Extensions.Options;
using VoiceConnector.Contracts.Twilio;
using VoiceConnector.Functions.Twilio;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>Checks <c>X-Twilio-Signature</c> with <c>Twilio:AuthToken</c>; without a token every request fails.</summary>
public sealed class TwilioWebhookVerifier(IOptions<TwilioOptions> options)
{
    private readonly TwilioSignature? signature =
        string.IsNullOrEmpty(options.Value.AuthToken) ? null : new TwilioSignature(options.Value.AuthToken);

    public bool IsAuthentic(TwilioWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return signature is not null && signature.IsValid(request.Url, request.Form, request.Signature);
    }
}
