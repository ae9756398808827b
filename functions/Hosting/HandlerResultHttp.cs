using System.Text.Json;
using VoiceConnector.Functions.Api;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Writes a <see cref="HandlerResult"/> as an ASP.NET Core response.</summary>
public static class HandlerResultHttp
{
    public static IResult ToHttpResult(this HandlerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Written(result);
    }

    private sealed class Written(HandlerResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = result.StatusCode;
            foreach (var (name, value) in result.Headers)
            {
                response.Headers[name] = value;
            }

            switch (result.Body)
            {
                case null:
                    return;
                case string text:
                    response.ContentType = result.ContentType;
                    await response.WriteAsync(text, httpContext.RequestAborted);
                    return;
                default:
                    response.ContentType = result.ContentType;
                    await JsonSerializer.SerializeAsync(response.Body, result.Body, result.Body.GetType(), ApiJson.Options, httpContext.RequestAborted);
                    return;
            }
        }
    }
}
