using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>Starts the spec-checked fake Twilio server and describes it as the app's Twilio account.</summary>
public static class FakeTwilio
{
    public static async Task<(FakeTwilioServer Server, TwilioAccount Account)> StartAsync()
    {
        var server = await FakeTwilioServer.StartAsync();
        return (server, new TwilioAccount(server.BaseUrl, server.AccountSid, server.AuthToken));
    }

    /// <summary>Requests the fake received for one operation of Twilio's OpenAPI spec.</summary>
    public static IReadOnlyList<RecordedRequest> Requests(this FakeTwilioServer server, string operationId) =>
        [.. server.Requests.Where(r => r.OperationId == operationId)];
}
