using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Twilio;

namespace VoiceConnector.Functions.Api.Numbers;

/// <summary><c>/v1/numbers</c>: search, buy or attach, list, re-assign and release a tenant's numbers.</summary>
public sealed class NumberHandlers(
    NumberStore numbers,
    AgentStore agents,
    ITwilioRestClient twilio,
    IdempotentExecution idempotency,
    IOptions<FunctionsOptions> functionsOptions,
    TimeProvider clock)
{
    public const string VoicePath = "/twilio/voice";
    public const string StatusPath = "/twilio/status";
    private static readonly string[] NumberTypes = ["Local", "TollFree", "Mobile"];
    private readonly FunctionsOptions functions = functionsOptions.Value;

    public async Task<HandlerResult> SearchAsync(string country, string type, int? areaCode, string? contains, int limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(IsCountry(country), "country", "Must be an ISO 3166-1 alpha-2 code such as US.");
        errors.Require(NumberTypes.Contains(type), "type", "Must be Local, TollFree or Mobile.");
        errors.Require(limit is >= 1 and <= 50, "limit", "Must be between 1 and 50.");
        errors.Require(areaCode is null or >= 0 and <= 9999, "areaCode", "Must be a number of at most 4 digits.");
        errors.Require(contains is null || contains.Length is >= 2 and <= 16, "contains", "Must be 2 to 16 characters.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            var found = await twilio.SearchAvailableNumbersAsync(new AvailableNumberQuery(country, type, areaCode, contains, limit), cancellationToken);
            return HandlerResult.Ok(new ResourceList<AvailableNumberResource>([.. found.Select(AvailableNumberResource.From)]));
        }
        catch (TwilioApiException error)
        {
            return Problems.Twilio(error);
        }
    }

    public async Task<HandlerResult> CreateAsync(string tenantId, string? idempotencyKey, NumberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind ?? NumberKinds.Twilio;
        var routing = request.Routing ?? (kind == NumberKinds.Sip ? NumberRoutings.Sip : NumberRoutings.Stream);
        var errors = new ValidationErrors();
        errors.Require(kind is NumberKinds.Twilio or NumberKinds.Sip, "kind", "Must be 'twilio' or 'sip'.");
        errors.Require(routing is NumberRoutings.Stream or NumberRoutings.Sip, "routing", "Must be 'stream' or 'sip'.");
        errors.Require(kind != NumberKinds.Sip || routing == NumberRoutings.Sip, "routing", "A number on your own SIP trunk is routed over SIP.");
        errors.Require(request.PhoneNumber is null || PhoneNumbers.IsE164(request.PhoneNumber), "phoneNumber", "Must be E.164, e.g. +14155550100.");
        errors.Require(kind != NumberKinds.Sip || request.PhoneNumber is not null, "phoneNumber", "Required for a SIP trunk number.");
        errors.Require(request.Country is null || IsCountry(request.Country), "country", "Must be an ISO 3166-1 alpha-2 code such as US.");
        errors.Require(request.AreaCode is null or >= 0 and <= 9999, "areaCode", "Must be a number of at most 4 digits.");
        if (request.AgentId is not null && await agents.GetAsync(tenantId, request.AgentId, cancellationToken) is null)
        {
            errors.Add("agentId", "Unknown agent.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (kind == NumberKinds.Sip)
        {
            return await AttachSipNumberAsync(tenantId, request.PhoneNumber!, request.AgentId, cancellationToken);
        }

        var hash = IdempotentExecution.HashRequest("POST /v1/numbers", request);
        return await idempotency.RunAsync(
            tenantId, idempotencyKey, hash, ct => BuyAsync(tenantId, request, routing, ct), cancellationToken);
    }

    public async Task<HandlerResult> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var list = await numbers.ListAsync(tenantId, cancellationToken);
        return HandlerResult.Ok(new ResourceList<NumberResource>([.. list.Select(NumberResource.From)]));
    }

    public async Task<HandlerResult> GetAsync(string tenantId, string numberId, CancellationToken cancellationToken) =>
        await numbers.GetAsync(tenantId, numberId, cancellationToken) is { } number
            ? HandlerResult.Ok(NumberResource.From(number))
            : Problems.NotFound("Number " + numberId);

    public async Task<HandlerResult> UpdateAsync(string tenantId, string numberId, NumberUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AgentId is not null && await agents.GetAsync(tenantId, request.AgentId, cancellationToken) is null)
        {
            return Problems.Validation("agentId", "Unknown agent.");
        }

        if (!await numbers.SetAgentAsync(tenantId, numberId, request.AgentId, cancellationToken))
        {
            return Problems.NotFound("Number " + numberId);
        }

        return await GetAsync(tenantId, numberId, cancellationToken);
    }

    /// <summary>Releases a Twilio number back to Twilio (a number Twilio no longer knows counts as released) and forgets it.</summary>
    public async Task<HandlerResult> DeleteAsync(string tenantId, string numberId, CancellationToken cancellationToken)
    {
        if (await numbers.GetAsync(tenantId, numberId, cancellationToken) is not { } number)
        {
            return Problems.NotFound("Number " + numberId);
        }

        if (number.TwilioSid is { } sid)
        {
            try
            {
                await twilio.ReleaseNumberAsync(sid, cancellationToken);
            }
            catch (TwilioApiException error) when (error.StatusCode != 404)
            {
                return Problems.Twilio(error);
            }
        }

        await numbers.DeleteAsync(tenantId, numberId, cancellationToken);
        return HandlerResult.NoContent();
    }

    private async Task<HandlerResult> AttachSipNumberAsync(string tenantId, string phoneNumber, string? agentId, CancellationToken cancellationToken)
    {
        var number = new StoredNumber(Ids.New("num"), tenantId, phoneNumber, agentId, NumberKinds.Sip, NumberRoutings.Sip, null, clock.GetUtcNow());
        return await numbers.TryInsertAsync(number, cancellationToken)
            ? HandlerResult.Created(NumberResource.From(number), "/v1/numbers/" + number.Id)
            : Problems.Conflict(phoneNumber + " is already attached.");
    }

    private async Task<HandlerResult> BuyAsync(string tenantId, NumberRequest request, string routing, CancellationToken cancellationToken)
    {
        try
        {
            var phoneNumber = request.PhoneNumber;
            if (phoneNumber is null)
            {
                var found = await twilio.SearchAvailableNumbersAsync(
                    new AvailableNumberQuery(request.Country ?? "US", "Local", request.AreaCode, request.Contains, 1), cancellationToken);
                if (found.Count == 0)
                {
                    return Problems.Conflict("Twilio has no number available for this search.");
                }

                phoneNumber = found[0].PhoneNumber;
            }

            if (await numbers.ExistsAsync(phoneNumber, cancellationToken))
            {
                return Problems.Conflict(phoneNumber + " is already attached.");
            }

            var bought = await twilio.BuyNumberAsync(
                new BuyNumberRequest(phoneNumber, functions.Url(VoicePath), functions.Url(StatusPath), "voice-connector " + tenantId), cancellationToken);
            var number = new StoredNumber(
                Ids.New("num"), tenantId, bought.PhoneNumber, request.AgentId, NumberKinds.Twilio, routing, bought.Sid, clock.GetUtcNow());
            if (!await numbers.TryInsertAsync(number, cancellationToken))
            {
                await twilio.ReleaseNumberAsync(bought.Sid, cancellationToken);
                return Problems.Conflict(bought.PhoneNumber + " is already attached.");
            }

            return HandlerResult.Created(NumberResource.From(number), "/v1/numbers/" + number.Id);
        }
        catch (TwilioApiException error)
        {
            return Problems.Twilio(error);
        }
    }

    private static bool IsCountry(string value) => value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]);
}
