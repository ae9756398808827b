using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>Maps every operationId of the spec to the fake's behaviour for it.</summary>
public sealed class OperationDispatcher
{
    private readonly Dictionary<string, Func<OperationContext, OperationResult>> handlers;

    public OperationDispatcher(FakeTwilioState state, ResponseBuilder responses)
    {
        var pages = new PageBuilder(responses);
        var available = new AvailableNumberOperations(state, responses, pages);
        var numbers = new IncomingNumberOperations(state, responses, pages);
        var calls = new CallOperations(state, responses, pages);
        handlers = new(StringComparer.Ordinal)
        {
            ["ListAvailablePhoneNumberCountry"] = available.ListCountries,
            ["FetchAvailablePhoneNumberCountry"] = available.FetchCountry,
            ["ListAvailablePhoneNumberLocal"] = available.Search,
            ["ListAvailablePhoneNumberTollFree"] = available.Search,
            ["ListAvailablePhoneNumberMobile"] = available.Search,
            ["ListIncomingPhoneNumber"] = numbers.List,
            ["ListIncomingPhoneNumberLocal"] = numbers.List,
            ["ListIncomingPhoneNumberMobile"] = numbers.List,
            ["ListIncomingPhoneNumberTollFree"] = numbers.List,
            ["CreateIncomingPhoneNumber"] = numbers.Create,
            ["CreateIncomingPhoneNumberLocal"] = numbers.Create,
            ["CreateIncomingPhoneNumberMobile"] = numbers.Create,
            ["CreateIncomingPhoneNumberTollFree"] = numbers.Create,
            ["FetchIncomingPhoneNumber"] = numbers.Fetch,
            ["UpdateIncomingPhoneNumber"] = numbers.Update,
            ["DeleteIncomingPhoneNumber"] = numbers.Delete,
            ["CreateCall"] = calls.Create,
            ["ListCall"] = calls.List,
            ["FetchCall"] = calls.Fetch,
            ["UpdateCall"] = calls.Update,
            ["DeleteCall"] = calls.Delete,
        };
    }

    public IReadOnlyCollection<string> OperationIds => handlers.Keys;

    public OperationResult Handle(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return handlers.TryGetValue(context.Operation.OperationId, out var handler)
            ? handler(context)
            : OperationResult.Error(new FakeTwilioError(501, 20501, "The fake does not implement " + context.Operation.OperationId));
    }
}
