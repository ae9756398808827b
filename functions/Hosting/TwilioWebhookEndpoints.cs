using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Api.Numbers;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.Webhooks;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Maps the Twilio webhooks; the signed URL is rebuilt from <c>Functions:PublicBaseUrl</c> + path + raw query.</summary>
public static class TwilioWebhookEndpoints
{
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(NumberHandlers.VoicePath, async (HttpContext http, TwilioVoiceHandler handler, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await ReadAsync(http, options.Value, ct) is { } request
                ? (await handler.HandleAsync(request, ct)).ToHttpResult()
                : Problems.Validation("body", "Expected an application/x-www-form-urlencoded body.").ToHttpResult())
            .Produces(200, contentType: "text/xml").ProducesProblem(403).WithTags("twilio").ExcludeFromDescription();
        routes.MapPost(NumberHandlers.StatusPath, async (HttpContext http, TwilioStatusHandler handler, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await ReadAsync(http, options.Value, ct) is { } request
                ? (await handler.HandleAsync(request, ct)).ToHttpResult()
                : Problems.Validation("body", "Expected an application/x-www-form-urlencoded body.").ToHttpResult())
            .Produces(204).ProducesProblem(403).WithTags("twilio").ExcludeFromDescription();
        return routes;
    }

    private static async Task<TwilioWebhookRequest?> ReadAsync(HttpContext http, FunctionsOptions options, CancellationToken ct)
    {
        var request = http.Request;
        var form = new List<KeyValuePair<string, string>>();
        if (request.HasFormContentType)
        {
            try
            {
                foreach (var (name, values) in await request.ReadFormAsync(ct))
                {
                    foreach (var value in values)
                    {
                        form.Add(new(name, value ?? ""));
                    }
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        else if (request.ContentLength > 0)
        {
            return null;
        }

        var url = options.Url(request.Path.Value ?? "") + request.QueryString.Value;
        return new TwilioWebhookRequest(url, form, request.Headers["X-Twilio-Signature"].ToString() is { Length: > 0 } s ? s : null);
    }
}
