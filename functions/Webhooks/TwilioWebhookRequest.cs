namespace VoiceConnector.Functions.Webhooks;

/// <summary>A request from Twilio, as the host received it.</summary>
/// <param name="Url">The public URL Twilio called (configured base URL + path + raw query), as signed.</param>
/// <param name="Form">The form parameters (URL-decoded), repeated names kept.</param>
/// <param name="Signature">The <c>X-Twilio-Signature</c> header, if any.</param>
public sealed record TwilioWebhookRequest(string Url, IReadOnlyList<KeyValuePair<string, string>> Form, string? Signature)
{
    public string? Value(string name)
    {
        foreach (var (key, value) in Form)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}
