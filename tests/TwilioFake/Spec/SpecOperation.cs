using System.Text.Json.Nodes;

namespace VoiceConnector.TwilioFake.Spec;

/// <summary>One operation of the spec: method, path template, parameters, form body schema and success response schema.</summary>
public sealed record SpecOperation(
    string Method,
    string OperationId,
    SpecPathTemplate Path,
    IReadOnlyDictionary<string, SpecParameter> Parameters,
    JsonObject? FormSchema,
    int SuccessStatus,
    JsonObject? ResponseSchema);
