using System.Globalization;
using Microsoft.Extensions.Logging;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Observability;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Webhooks;

/// <summary><c>POST /twilio/status</c>: stores a call status callback; it joins the call record by CallSid.</summary>
public sealed partial class TwilioStatusHandler(
    TwilioWebhookVerifier verifier,
    CallStore calls,
    TimeProvider clock,
    FunctionsMetrics metrics,
    ILogger<TwilioStatusHandler> logger)
{
    public async Task<HandlerResult> HandleAsync(TwilioWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!verifier.IsAuthentic(request))
        {
            metrics.WebhookRejected();
            LogBadSignature(request.Url);
            return Problems.Forbidden("X-Twilio-Signature is missing or invalid.");
        }

        var callSid = request.Value("CallSid");
        var status = request.Value("CallStatus");
        if (string.IsNullOrEmpty(callSid) || string.IsNullOrEmpty(status))
        {
            return Problems.Validation("CallSid", "CallSid and CallStatus are required.");
        }

        await calls.AddStatusEventAsync(
            new StatusEvent(
                callSid,
                status,
                Integer(request.Value("SequenceNumber")) ?? -1,
                Integer(request.Value("CallDuration")),
                Integer(request.Value("SipResponseCode")),
                request.Value("Timestamp"),
                clock.GetUtcNow()),
            cancellationToken);
        metrics.StatusCallbackStored();
        return HandlerResult.NoContent();
    }

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback refused: bad or missing signature for {Url}")]
    private partial void LogBadSignature(string url);
}
