using System.Globalization;
using System.Text.Json.Nodes;

namespace VoiceConnector.TwilioFake.Responses;

/// <summary>A Twilio error answer: HTTP status and body <c>{"code", "message", "more_info", "status"}</c>.</summary>
public sealed record FakeTwilioError(int HttpStatus, int Code, string Message)
{
    public static FakeTwilioError Authenticate() => new(401, 20003, "Authenticate");

    public static FakeTwilioError NotFound(string path) => new(404, 20404, $"The requested resource {path} was not found");

    public static FakeTwilioError MethodNotAllowed(string method) => new(405, 20004, $"Method {method} not allowed");

    public static FakeTwilioError InvalidRequest(string problems) => new(400, 20001, "Invalid request: " + problems);

    public static FakeTwilioError TooManyRequests() => new(429, 20429, "Too Many Requests");

    public static FakeTwilioError ServerError(int status) => new(status, 20500, "Internal Server Error");

    public JsonObject ToJson() => new()
    {
        ["code"] = Code,
        ["message"] = Message,
        ["more_info"] = "https://www.twilio.com/docs/errors/" + Code.ToString(CultureInfo.InvariantCulture),
        ["status"] = HttpStatus,
    };
}
