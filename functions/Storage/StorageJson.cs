using System.Text.Json;

namespace VoiceConnector.Functions.Storage;

/// <summary>JSON used for the text columns that hold lists and settings (tools, timings, transcript turns).</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException("A stored JSON column is null.");
}
