using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>
/// Calls: create (From must be a number the account owns), list with paging, fetch, update (redirect with new
/// TwiML or URL, hang up with Status=completed, cancel a queued/ringing call with Status=canceled), delete.
/// </summary>
public sealed class CallOperations(FakeTwilioState state, ResponseBuilder responses, PageBuilder pages)
{
    private static readonly string[] DefaultEvents = ["completed"];

    public OperationResult Create(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = context.FormValue("To")!;
        var from = context.FormValue("From")!;
        if (!IsEndpoint(to))
        {
            return OperationResult.Error(new FakeTwilioError(400, 21211, $"Invalid 'To' Phone Number: {to}"));
        }

        var owned = state.Numbers.FirstOrDefault(n => n.PhoneNumber == from);
        if (from.StartsWith('+') && owned is null)
        {
            return OperationResult.Error(new FakeTwilioError(400, 21210, $"The source phone number provided, {from}, is not yet verified for your account."));
        }

        var events = context.FormValues("StatusCallbackEvent");
        var call = new FakeCall(
            FakeSids.New("CA"), to, from, "queued", "outbound-api",
            context.FormValue("Twiml"), context.FormValue("Url"),
            context.FormValue("StatusCallback"), context.FormValue("StatusCallbackMethod") ?? "POST",
            events.Count == 0 ? DefaultEvents : events,
            owned?.Sid, context.Now, context.Now, null, null);
        state.AddCall(call);
        return new(context.Operation.SuccessStatus, Resource(context, call));
    }

    public OperationResult List(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = context.QueryValue("To");
        var from = context.QueryValue("From");
        var status = context.QueryValue("Status");
        var items = state.Calls
            .Where(c => (to is null || c.To == to) && (from is null || c.From == from) && (status is null || c.Status == status))
            .OrderByDescending(c => c.DateCreated)
            .Select(c => (IReadOnlyDictionary<string, object?>)ResourceValues.Call(c, context.AccountSid))
            .ToList();
        return new(200, pages.Build(context.Operation, context.Path, context.Query, items));
    }

    public OperationResult Fetch(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var call = state.Calls.FirstOrDefault(c => c.Sid == context.PathValues["Sid"]);
        return call is null ? OperationResult.Error(FakeTwilioError.NotFound(context.Path)) : new(200, Resource(context, call));
    }

    public OperationResult Update(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sid = context.PathValues["Sid"];
        var call = state.Calls.FirstOrDefault(c => c.Sid == sid);
        if (call is null)
        {
            return OperationResult.Error(FakeTwilioError.NotFound(context.Path));
        }

        var twiml = context.FormValue("Twiml");
        var url = context.FormValue("Url");
        if ((twiml is not null || url is not null) && call.IsFinished)
        {
            return OperationResult.Error(new FakeTwilioError(400, 21220, "Call is not in-progress. Cannot redirect."));
        }

        var newStatus = context.FormValue("Status") switch
        {
            "completed" when !call.IsFinished => "completed",
            "canceled" when call.Status is "queued" or "ringing" => "canceled",
            _ => call.Status,
        };
        var updated = state.UpdateCall(sid, c => c with
        {
            Twiml = twiml ?? c.Twiml,
            Url = url ?? c.Url,
            Status = newStatus,
            StatusCallback = context.FormValue("StatusCallback") ?? c.StatusCallback,
            EndTime = newStatus != c.Status ? context.Now : c.EndTime,
            DateUpdated = context.Now,
        });
        return updated is null ? OperationResult.Error(FakeTwilioError.NotFound(context.Path)) : new(200, Resource(context, updated));
    }

    public OperationResult Delete(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return state.RemoveCall(context.PathValues["Sid"]) ? new(204, null) : OperationResult.Error(FakeTwilioError.NotFound(context.Path));
    }

    private static bool IsEndpoint(string to) =>
        (to.StartsWith('+') && to.Length is >= 3 and <= 16 && to[1..].All(char.IsAsciiDigit))
        || to.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
        || to.StartsWith("client:", StringComparison.OrdinalIgnoreCase);

    private System.Text.Json.Nodes.JsonObject Resource(OperationContext context, FakeCall call) =>
        responses.Build(context.Operation.ResponseSchema!, ResourceValues.Call(call, context.AccountSid));
}
