using System.Text.Json;

namespace VoiceConnector.Functions.Api;

/// <summary>The JSON of the API and of the edge endpoints: web defaults (camelCase).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
