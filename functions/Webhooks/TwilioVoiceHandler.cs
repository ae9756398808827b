using Microsoft.Extensions.Logging;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Observability;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>
/// <c>POST /twilio/voice</c>: answers TwiML that hands the call to the edge - a Media Stream with the agent as
/// parameters, or a SIP leg for numbers routed over SIP - or a spoken fallback and hang-up when the number has no
/// agent, the edge is not configured or not healthy, or the lookup fails.
/// </summary>
public sealed partial class TwilioVoiceHandler(
    TwilioWebhookVerifier verifier,
    NumberStore numbers,
    EdgeConnectTwiml connect,
    EdgeHealth edgeHealth,
    FunctionsMetrics metrics,
    ILogger<TwilioVoiceHandler> logger)
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

        var outbound = request.Value("Direction")?.StartsWith("outbound", StringComparison.Ordinal) == true;
        var to = request.Value("To") ?? "";
        var from = request.Value("From") ?? "";
        var ourNumber = outbound ? from : to;
        NumberRoute? route;
        try
        {
            route = await numbers.FindRouteAsync(ourNumber, cancellationToken);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            LogLookupFailed(error, ourNumber);
            return Fallback("lookup-failed");
        }

        if (route?.Agent is not { } agent)
        {
            LogNoAgent(ourNumber);
            return Fallback("no-agent");
        }

        if (!await edgeHealth.IsAvailableAsync(cancellationToken))
        {
            return Fallback("edge-unavailable");
        }

        if (connect.For(route.Number, agent.Definition.AgentId, from, to, outbound) is not { } answer)
        {
            return Fallback("edge-unconfigured");
        }

        metrics.VoiceAnswered(answer.Kind);
        return HandlerResult.Twiml(answer.Twiml);
    }

    private HandlerResult Fallback(string reason)
    {
        metrics.VoiceAnswered("fallback-" + reason);
        return HandlerResult.Twiml(connect.Fallback);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice webhook refused: bad or missing signature for {Url}")]
    private partial void LogBadSignature(string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice webhook for {Number}: no agent, answering the spoken fallback")]
    private partial void LogNoAgent(string number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Voice webhook for {Number}: lookup failed, answering the spoken fallback")]
    private partial void LogLookupFailed(Exception error, string number);
}
