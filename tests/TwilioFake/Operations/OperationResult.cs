using System.Text.Json.Nodes;
using VoiceConnector.TwilioFake.Responses;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>What an operation answers: a status and a JSON body (none for 204).</summary>
public sealed record OperationResult(int Status, JsonObject? Body)
{
    public static OperationResult Error(FakeTwilioError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.HttpStatus, error.ToJson());
    }
}
