namespace VoiceConnector.Contracts;

/// <summary>
/// The functions endpoints the edge calls. All are authenticated with
/// <c>Authorization: Bearer &lt;edge key&gt;</c>, a secret shared by edge and functions.
/// JSON uses <see cref="System.Text.Json.JsonSerializerDefaults.Web"/> (camelCase).
/// </summary>
public static class EdgeApi
{
    /// <summary>GET, <c>{number}</c> is the called number in E.164 (URL-escaped). 200 with <see cref="AgentLookup"/>, 404 when unknown.</summary>
    public const string AgentByNumberPath = "/edge/v1/agents/by-number/{number}";
    /// <summary>POST a <see cref="CallRecord"/>. 200/201 when stored (or already stored: idempotent on CallId).</summary>
    public const string CallRecordsPath = "/edge/v1/call-records";
    /// <summary>POST a <see cref="TransferRequest"/>: the functions app redirects a Twilio call.</summary>
    public const string TransferPath = "/edge/v1/transfers";
    /// <summary>POST a <see cref="HangUpRequest"/>: the functions app ends a Twilio call (<c>Status=completed</c>).</summary>
    public const string HangUpPath = "/edge/v1/hang-ups";

    public static string AgentByNumber(string number) =>
        "/edge/v1/agents/by-number/" + Uri.EscapeDataString(number);
}
