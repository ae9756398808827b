using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.Functions.Webhooks;

namespace VoiceConnector.Functions.Api.Calls;

/// <summary><c>/v1/calls</c>: place outbound calls through Twilio, list calls, read one with transcript and timings.</summary>
public sealed class CallHandlers(
    CallStore calls,
    NumberStore numbers,
    AgentStore agents,
    ITwilioRestClient twilio,
    IdempotentExecution idempotency,
    EdgeConnectTwiml connect,
    Microsoft.Extensions.Options.IOptions<Configuration.FunctionsOptions> functionsOptions,
    TimeProvider clock)
{
    public async Task<HandlerResult> CreateAsync(string tenantId, string? idempotencyKey, CallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Require(PhoneNumbers.IsE164(request.To), "to", "Must be E.164, e.g. +14155550100.");
        errors.Require(PhoneNumbers.IsE164(request.From), "from", "Must be E.164, e.g. +14155550100.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var route = await numbers.FindRouteAsync(request.From!, cancellationToken);
        if (route is null || route.Number.TenantId != tenantId || route.Number.Kind != NumberKinds.Twilio)
        {
            return Problems.Validation("from", "Must be one of your Twilio numbers.");
        }

        var agentId = request.AgentId ?? route.Agent?.Definition.AgentId;
        if (agentId is null)
        {
            return Problems.Validation("agentId", "The number has no agent; attach one or give agentId.");
        }

        if (request.AgentId is not null && await agents.GetAsync(tenantId, request.AgentId, cancellationToken) is null)
        {
            return Problems.Validation("agentId", "Unknown agent.");
        }

        if (connect.For(route.Number, agentId, request.From!, request.To!, outbound: true) is not { } answer)
        {
            return Problems.Conflict("The edge address for this number's routing is not configured; no call was placed.");
        }

        var hash = IdempotentExecution.HashRequest("POST /v1/calls", request);
        return await idempotency.RunAsync(
            tenantId, idempotencyKey, hash, ct => PlaceAsync(tenantId, agentId, request.From!, request.To!, answer.Twiml, ct), cancellationToken);
    }

    public async Task<HandlerResult> ListAsync(string tenantId, int limit, DateTimeOffset? startedBefore, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 100)
        {
            return Problems.Validation("limit", "Must be between 1 and 100.");
        }

        var list = await calls.ListAsync(tenantId, limit, startedBefore, cancellationToken);
        return HandlerResult.Ok(new ResourceList<CallResource>([.. list.Select(CallResource.Of)]));
    }

    public async Task<HandlerResult> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (await calls.GetAsync(tenantId, id, cancellationToken) is not { } call)
        {
            return Problems.NotFound("Call " + id);
        }

        var events = call.TwilioCallSid is { } sid ? await calls.StatusEventsAsync(sid, cancellationToken) : [];
        return HandlerResult.Ok(CallResource.Of(call) with
        {
            Turns = call.Turns,
            StatusEvents = [.. events.Select(StatusEventResource.From)],
        });
    }

    private async Task<HandlerResult> PlaceAsync(string tenantId, string agentId, string from, string to, string twiml, CancellationToken cancellationToken)
    {
        TwilioCall placed;
        try
        {
            placed = await twilio.CreateCallAsync(
                new CreateCallRequest(to, from, twiml, functionsOptions.Value.Url(Numbers.NumberHandlers.StatusPath)), cancellationToken);
        }
        catch (TwilioApiException error)
        {
            return Problems.Twilio(error);
        }

        var call = new StoredCall(
            Ids.New("call"), null, placed.Sid, tenantId, agentId, "outbound", "twilio", from, to, "", clock.GetUtcNow(),
            null, null, null, null, []);
        await calls.InsertOutboundAsync(call, cancellationToken);
        return HandlerResult.Created(CallResource.Of(call), "/v1/calls/" + call.Id);
    }
}
