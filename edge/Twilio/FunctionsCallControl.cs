using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Asks the functions app to act on a Twilio call through Twilio's REST API, whose credentials it holds and the edge
/// does not: transfer (<see cref="EdgeApi.TransferPath"/>) and hang up (<see cref="EdgeApi.HangUpPath"/>).
/// </summary>
internal sealed partial class FunctionsCallControl
{
    private readonly HttpClient http;
    private readonly FunctionsCallControlOptions options;
    private readonly ILogger<FunctionsCallControl> logger;

    public FunctionsCallControl(HttpClient http, IOptions<FunctionsCallControlOptions> options, ILogger<FunctionsCallControl> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>True when the functions app accepted the transfer (2xx).</summary>
    public ValueTask<bool> TransferAsync(string callSid, string target, CancellationToken cancellationToken) =>
        PostAsync(EdgeApi.TransferPath, new TransferRequest(callSid, target), TwilioJsonContext.Default.TransferRequest, "transfer", callSid, cancellationToken);

    /// <summary>True when the functions app ended the call (2xx).</summary>
    public ValueTask<bool> HangUpAsync(string callSid, CancellationToken cancellationToken) =>
        PostAsync(EdgeApi.HangUpPath, new HangUpRequest(callSid), TwilioJsonContext.Default.HangUpRequest, "hang-up", callSid, cancellationToken);

    private async ValueTask<bool> PostAsync<T>(
        string path, T body, JsonTypeInfo<T> json, string action, string callSid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.BaseUrl) || !Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            LogNotConfigured(logger, action);
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path)) { Content = JsonContent.Create(body, json) };
        if (!string.IsNullOrEmpty(options.EdgeKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.EdgeKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused(logger, action, callSid, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, action, callSid, exception);
            return false;
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, action, callSid, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Action} was needed but Functions:BaseUrl is not configured")]
    private static partial void LogNotConfigured(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Functions refused the {Action} of call {CallSid}: HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string action, string callSid, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Functions unreachable for the {Action} of call {CallSid}")]
    private static partial void LogUnreachable(ILogger logger, string action, string callSid, Exception exception);
}
