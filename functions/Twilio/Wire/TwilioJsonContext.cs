using System.Text.Json.Serialization;

namespace VoiceConnector.Functions.Twilio.Wire;

/// <summary>Source-generated JSON (de)serialisation of the Twilio wire types.</summary>
[JsonSerializable(typeof(TwilioErrorBody))]
[JsonSerializable(typeof(AvailablePhoneNumberPage))]
[JsonSerializable(typeof(IncomingPhoneNumberResource))]
[JsonSerializable(typeof(IncomingPhoneNumberPage))]
[JsonSerializable(typeof(CallResource))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
