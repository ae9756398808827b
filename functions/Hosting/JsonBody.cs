using System.Buffers;
using System.Text.Json;
using VoiceConnector.Functions.Api;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Reads a JSON request body of bounded size: 415 for another content type, 413 when too large, 400 for bad JSON.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, HandlerResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType("application/json"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 64 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return (null, Problems.TooLarge(maxBytes));
                }
            }

            return Parse<T>(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (T? Value, HandlerResult? Problem) Parse<T>(ReadOnlySpan<byte> json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ApiJson.Options) is { } value
                ? (value, null)
                : (null, Problems.BadJson("The body must be a JSON object."));
        }
        catch (JsonException error)
        {
            return (null, Problems.BadJson(error.Message));
        }
    }
}
