using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Asks the functions app to transfer a Twilio call (<see cref="EdgeApi.TransferPath"/>): it holds the Twilio REST
/// credentials, the edge does not.
/// </summary>
internal sealed partial class FunctionsTransferClient
{
    private readonly HttpClient http;
    private readonly FunctionsTransferOptions options;
    private readonly ILogger<FunctionsTransferClient> logger;

    public FunctionsTransferClient(HttpClient http, IOptions<FunctionsTransferOptions> options, ILogger<FunctionsTransferClient> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>True when the functions app accepted the transfer (2xx).</summary>
    public async ValueTask<bool> TransferAsync(string callSid, string target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.BaseUrl) || !Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            LogNotConfigured(logger);
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, EdgeApi.TransferPath))
        {
            Content = JsonContent.Create(new TransferRequest(callSid, target), TwilioJsonContext.Default.TransferRequest),
        };
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

            LogRefused(logger, callSid, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, callSid, exception);
            return false;
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, callSid, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transfer requested but Functions:BaseUrl is not configured")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Functions refused the transfer of call {CallSid}: HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string callSid, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Functions unreachable for the transfer of call {CallSid}")]
    private static partial void LogUnreachable(ILogger logger, string callSid, Exception exception);
}
