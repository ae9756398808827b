using System.Text.Json.Nodes;

namespace VoiceConnector.TwilioFake.Spec;

/// <summary>A path or query parameter of an operation, with its (resolved) schema.</summary>
public sealed record SpecParameter(string Name, string In, bool Required, JsonObject Schema);
