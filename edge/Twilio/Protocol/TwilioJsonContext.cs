using System.Text.Json.Serialization;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>Source-generated JSON for the Media Streams messages and the transfer and hang-up requests (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TwilioMessage))]
[JsonSerializable(typeof(TransferRequest))]
[JsonSerializable(typeof(HangUpRequest))]
public sealed partial class TwilioJsonContext : JsonSerializerContext;
