using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>IncomingPhoneNumbers: buy (create), list with paging, fetch, update webhooks, release (delete).</summary>
public sealed class IncomingNumberOperations(FakeTwilioState state, ResponseBuilder responses, PageBuilder pages)
{
    public OperationResult Create(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phoneNumber = context.FormValue("PhoneNumber");
        var areaCode = context.FormValue("AreaCode");
        var bought = state.Buy(phoneNumber, phoneNumber is null ? areaCode : null, entry => new FakeIncomingNumber(
            FakeSids.New("PN"),
            entry,
            context.FormValue("FriendlyName") ?? ResourceValues.FriendlyName(entry.PhoneNumber),
            context.FormValue("VoiceUrl"),
            context.FormValue("VoiceMethod") ?? "POST",
            context.FormValue("StatusCallback"),
            context.FormValue("StatusCallbackMethod") ?? "POST",
            context.Now,
            context.Now));
        if (bought is null)
        {
            return OperationResult.Error(phoneNumber is not null
                ? new FakeTwilioError(400, 21422, $"PhoneNumber {phoneNumber} is not available")
                : new FakeTwilioError(400, 21452, $"No phone numbers found in area code {areaCode}"));
        }

        return new(context.Operation.SuccessStatus, Resource(context, bought));
    }

    public OperationResult List(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.Operation.OperationId["ListIncomingPhoneNumber".Length..];
        var phoneNumber = context.QueryValue("PhoneNumber");
        var friendlyName = context.QueryValue("FriendlyName");
        var items = state.Numbers
            .Where(n => kind.Length == 0 || n.Entry.Kind == kind)
            .Where(n => phoneNumber is null || Matches(n.PhoneNumber, phoneNumber))
            .Where(n => friendlyName is null || n.FriendlyName == friendlyName)
            .Select(n => (IReadOnlyDictionary<string, object?>)Values(context, n))
            .ToList();
        return new(200, pages.Build(context.Operation, context.Path, context.Query, items));
    }

    public OperationResult Fetch(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var number = state.Numbers.FirstOrDefault(n => n.Sid == context.PathValues["Sid"]);
        return number is null ? OperationResult.Error(FakeTwilioError.NotFound(context.Path)) : new(200, Resource(context, number));
    }

    public OperationResult Update(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var updated = state.UpdateNumber(context.PathValues["Sid"], n => n with
        {
            FriendlyName = context.FormValue("FriendlyName") ?? n.FriendlyName,
            VoiceUrl = context.FormValue("VoiceUrl") ?? n.VoiceUrl,
            VoiceMethod = context.FormValue("VoiceMethod") ?? n.VoiceMethod,
            StatusCallback = context.FormValue("StatusCallback") ?? n.StatusCallback,
            StatusCallbackMethod = context.FormValue("StatusCallbackMethod") ?? n.StatusCallbackMethod,
            DateUpdated = context.Now,
        });
        return updated is null ? OperationResult.Error(FakeTwilioError.NotFound(context.Path)) : new(200, Resource(context, updated));
    }

    public OperationResult Delete(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return state.ReleaseNumber(context.PathValues["Sid"]) ? new(204, null) : OperationResult.Error(FakeTwilioError.NotFound(context.Path));
    }

    /// <summary>PhoneNumber filter: exact, or '*' standing for any one digit.</summary>
    private static bool Matches(string phoneNumber, string filter) =>
        phoneNumber.Length == filter.Length && phoneNumber.Zip(filter).All(p => p.Second == '*' || p.First == p.Second);

    private System.Text.Json.Nodes.JsonObject Resource(OperationContext context, FakeIncomingNumber number) =>
        responses.Build(context.Operation.ResponseSchema!, Values(context, number));

    /// <summary>The Local/Mobile/TollFree schemas lack the base schema's <c>type</c>; only that one name differs.</summary>
    private static Dictionary<string, object?> Values(OperationContext context, FakeIncomingNumber number)
    {
        var values = ResourceValues.Number(number, context.AccountSid);
        var id = context.Operation.OperationId;
        if (id.EndsWith("Local", StringComparison.Ordinal) || id.EndsWith("Mobile", StringComparison.Ordinal) || id.EndsWith("TollFree", StringComparison.Ordinal))
        {
            values.Remove("type");
        }

        return values;
    }
}
