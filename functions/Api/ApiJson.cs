using System.Text.Json;

namespace VoiceConnector.Functions.Api;

/// <summary>
/// The JSON of the API and of the edge endpoints: web defaults (camelCase), with '+' and '&lt;' written as such
/// (responses are application/json, never embedded in HTML), so a replayed idempotent response is byte-identical.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
