using Microsoft.Extensions.Logging;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Observability;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.Functions.Webhooks;

namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>The endpoints the edge calls (<see cref="EdgeApi"/>): agent lookup, call records, transfers, hang-ups.</summary>
public sealed partial class EdgeHandlers(
    NumberStore numbers,
    CallStore calls,
    ITwilioRestClient twilio,
    FunctionsMetrics metrics,
    ILogger<EdgeHandlers> logger)
{
    /// <summary>How long the edge may cache an agent lookup.</summary>
    public const int LookupCacheSeconds = 60;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public async Task<HandlerResult> AgentByNumberAsync(string number, CancellationToken cancellationToken)
    {
        if (!PhoneNumbers.IsE164(number))
        {
            return Problems.Validation("number", "Must be E.164, e.g. +14155550100.");
        }

        var route = await numbers.FindRouteAsync(number, cancellationToken);
        return route?.Agent is { } agent
            ? HandlerResult.Ok(new AgentLookup(number, route.Number.TenantId, agent.Definition, LookupCacheSeconds))
            : Problems.NotFound("An agent for " + number);
    }

    /// <summary>Stores a call record once per CallId; a repeated post answers 200 as well.</summary>
    public async Task<HandlerResult> IngestCallRecordAsync(CallRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = CallRecordValidator.Validate(record);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var tenantId = await TenantOfAsync(record.To, cancellationToken) ?? await TenantOfAsync(record.From, cancellationToken) ?? record.TenantId;
        var stored = await calls.IngestAsync(record, tenantId, cancellationToken);
        metrics.CallRecordReceived(stored);
        LogCallRecord(record.CallId, stored);
        return HandlerResult.Ok(new CallRecordReceipt(record.CallId, stored ? "stored" : "duplicate"));
    }

    /// <summary>Redirects a live Twilio call to a number or SIP URI (<c>&lt;Dial&gt;</c>).</summary>
    public async Task<HandlerResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Require(IsCallSid(request.TwilioCallSid), "twilioCallSid", "Must be a Twilio CallSid (CA + 32 hex digits).");
        var toSip = request.Target?.StartsWith("sip:", StringComparison.Ordinal) == true || request.Target?.StartsWith("sips:", StringComparison.Ordinal) == true;
        errors.Require(toSip ? request.Target!.Length <= 512 : PhoneNumbers.IsE164(request.Target), "target", "Must be E.164 or a sip: URI.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var twiml = toSip ? Twiml.DialSip(request.Target!) : Twiml.DialNumber(request.Target!);
        try
        {
            var call = await twilio.RedirectCallAsync(request.TwilioCallSid, twiml, cancellationToken);
            return HandlerResult.Ok(new TransferReceipt(call.Sid, call.Status, request.Target!));
        }
        catch (TwilioApiException error)
        {
            return Problems.Twilio(error);
        }
    }

    /// <summary>Ends a live Twilio call the agent hung up (Status=completed); an ended call answers 200 as well.</summary>
    public async Task<HandlerResult> HangUpAsync(HangUpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Require(IsCallSid(request.TwilioCallSid), "twilioCallSid", "Must be a Twilio CallSid (CA + 32 hex digits).");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            var call = await twilio.EndCallAsync(request.TwilioCallSid, cancellationToken);
            return HandlerResult.Ok(new HangUpReceipt(call.Sid, call.Status));
        }
        catch (TwilioApiException error)
        {
            return Problems.Twilio(error);
        }
    }

    private async Task<string?> TenantOfAsync(string number, CancellationToken cancellationToken) =>
        PhoneNumbers.IsE164(number) && await numbers.FindRouteAsync(number, cancellationToken) is { } route ? route.Number.TenantId : null;

    private static bool IsCallSid(string? sid) =>
        sid is { Length: 34 } && sid.StartsWith("CA", StringComparison.Ordinal) && !sid.AsSpan(2).ContainsAnyExcept(HexDigits);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call record {CallId} received (stored: {Stored})")]
    private partial void LogCallRecord(string callId, bool stored);
}
