using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.TwilioFake.Webhooks;

/// <summary>POSTs a form to a webhook URL as Twilio does, signed with <c>X-Twilio-Signature</c> (see twilio_signature.md).</summary>
public sealed class TwilioWebhookSender(HttpClient http, string authToken)
{
    private readonly TwilioSignature signature = new(authToken);

    public async Task<HttpResponseMessage> PostAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("X-Twilio-Signature", signature.Compute(url.OriginalString, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        request.Content = new FormUrlEncodedContent(form);
        return await http.SendAsync(request, cancellationToken);
    }
}
