using System.Globalization;
using System.Text.Json;
using VoiceConnector.Functions.Twilio.Wire;

namespace VoiceConnector.Functions.Twilio;

/// <summary>Turns a failed Twilio answer into a <see cref="TwilioApiException"/> with a message a person can act on.</summary>
internal static class TwilioErrorMapper
{
    public static TwilioApiException FromResponse(string operation, TwilioAttemptResult attempt, bool outcomeUnknown)
    {
        var error = TryParse(attempt.Body);
        var status = attempt.StatusCode.ToString(CultureInfo.InvariantCulture);
        string message;
        if (error?.Code is int code)
        {
            message = $"Twilio {operation} failed (HTTP {status}, Twilio error {code.ToString(CultureInfo.InvariantCulture)}): "
                + (string.IsNullOrWhiteSpace(error.Message) ? "no message" : error.Message)
                + (error.MoreInfo is null ? "" : " See " + error.MoreInfo);
        }
        else
        {
            message = $"Twilio {operation} failed with HTTP {status} and no Twilio error body.";
        }

        if (outcomeUnknown)
        {
            message += " The request may have been carried out; check before repeating it.";
        }

        return new TwilioApiException(attempt.StatusCode, error?.Code, message, error?.MoreInfo, outcomeUnknown, null);
    }

    public static TwilioApiException FromFailure(string operation, TwilioAttemptResult attempt, bool outcomeUnknown)
    {
        var message = $"Twilio {operation} failed: {attempt.Reason}."
            + (outcomeUnknown ? " The request may have been carried out; check before repeating it." : "");
        return new TwilioApiException(0, null, message, null, outcomeUnknown, attempt.Error);
    }

    public static TwilioApiException UnreadableResponse(string operation, string detail, Exception? inner) =>
        new(200, null, $"Twilio {operation} answered with a response that does not match Twilio's API: {detail}", null, false, inner);

    private static TwilioErrorBody? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, TwilioJsonContext.Default.TwilioErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
