using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Calls.Functions;

/// <summary>The edge's client of the functions app's edge-facing endpoints (<see cref="EdgeApi"/>).</summary>
public sealed class FunctionsClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly FunctionsOptions options;

    public FunctionsClient(HttpClient http, IOptions<FunctionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.options = options.Value;
        if (this.options.BaseUrl is not null)
        {
            this.http.BaseAddress = this.options.BaseUrl;
        }

        this.http.Timeout = TimeSpan.FromSeconds(this.options.TimeoutSeconds);
    }

    /// <summary>The agent for a called number; null when the functions app says the number is unknown (404).</summary>
    /// <exception cref="HttpRequestException">The functions app is unreachable or failed.</exception>
    public async Task<AgentLookup?> GetAgentAsync(string number, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, EdgeApi.AgentByNumber(number));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<AgentLookup>(Json, cancellationToken)
            ?? throw new HttpRequestException("The functions app answered an empty agent lookup.");
    }

    /// <summary>Delivers a call record. True when stored (or already stored); false when the app rejected it for good (4xx).</summary>
    /// <exception cref="HttpRequestException">The functions app is unreachable or failed (5xx): try again later.</exception>
    public async Task<bool> PostCallRecordAsync(CallRecord record, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, EdgeApi.CallRecordsPath);
        request.Content = JsonContent.Create(record, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return true;
        }

        if (status is >= 400 and < 500 and not 401 and not 403 and not 408 and not 429)
        {
            return false;
        }

        throw new HttpRequestException($"The functions app answered {status} to a call record.", null, response.StatusCode);
    }

    /// <summary>Asks the functions app to transfer a Twilio call. True when it accepted.</summary>
    public async Task<bool> PostTransferAsync(TransferRequest transfer, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, EdgeApi.TransferPath);
        request.Content = JsonContent.Create(transfer, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (!string.IsNullOrEmpty(options.EdgeKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.EdgeKey);
        }

        return request;
    }
}
