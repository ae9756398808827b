using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>Posts webhooks as Twilio does: form-encoded, signed over the public URL (or deliberately not).</summary>
public static class SignedWebhooks
{
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string publicBaseUrl, string path, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(
        HttpClient client, string authToken, string publicBaseUrl, string path, IReadOnlyList<KeyValuePair<string, string>> form) =>
        PostAsync(client, publicBaseUrl, path, form, new TwilioSignature(authToken).Compute(publicBaseUrl + path, form));

    public static IReadOnlyList<KeyValuePair<string, string>> InboundCall(string callSid, string from, string to) =>
    [
        new("AccountSid", TwilioAccount.Unreachable.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", callSid),
        new("CallStatus", "ringing"),
        new("Called", to),
        new("Caller", from),
        new("Direction", "inbound"),
        new("From", from),
        new("To", to),
    ];
}
