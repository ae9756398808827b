using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>The functions app's <c>/v1</c> API as a product team calls it: bearer API key, JSON in and out.</summary>
internal sealed class ProvisioningApi : IDisposable
{
    private readonly HttpClient http;

    public ProvisioningApi(Uri baseUrl, string apiKey)
    {
        http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>Creates the agent the tests talk to and returns its id.</summary>
    public async Task<string> CreateAgentAsync(string greeting, int idleRepromptMs = 60000, int maxIdleReprompts = 2)
    {
        var agent = await SendAsync(HttpMethod.Post, "/v1/agents", new JsonObject
        {
            ["name"] = "Front desk",
            ["systemPrompt"] = "You answer the phone for a small shop.",
            ["greeting"] = greeting,
            ["voice"] = "slt",
            ["language"] = "en-US",
            ["model"] = "",
            ["tools"] = new JsonArray("hang_up"),
            ["timings"] = new JsonObject
            {
                ["endOfTurnSilenceMs"] = 500,
                ["bargeInMinSpeechMs"] = 250,
                ["idleRepromptMs"] = idleRepromptMs,
                ["maxIdleReprompts"] = maxIdleReprompts,
                ["maxCallSeconds"] = 300,
            },
        });
        return agent["id"]!.GetValue<string>();
    }

    public Task<JsonNode> BuyNumberAsync(string agentId, int areaCode, string idempotencyKey) =>
        SendAsync(HttpMethod.Post, "/v1/numbers", new JsonObject { ["areaCode"] = areaCode, ["agentId"] = agentId }, idempotencyKey);

    public Task<JsonNode> AttachSipNumberAsync(string agentId, string phoneNumber) =>
        SendAsync(HttpMethod.Post, "/v1/numbers", new JsonObject { ["kind"] = "sip", ["phoneNumber"] = phoneNumber, ["agentId"] = agentId });

    public async Task<JsonArray> ListCallsAsync() => (JsonArray)(await SendAsync(HttpMethod.Get, "/v1/calls?limit=50", null))["data"]!;

    public Task<JsonNode> GetCallAsync(string id) => SendAsync(HttpMethod.Get, "/v1/calls/" + id, null);

    /// <summary>Polls the call list until a call matching <paramref name="match"/> is there, then reads it in full.</summary>
    public async Task<JsonNode> WaitForCallAsync(Func<JsonNode, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                var found = (await ListCallsAsync()).FirstOrDefault(c => c is not null && match(c));
                if (found is not null)
                {
                    return await GetCallAsync(found["id"]!.GetValue<string>());
                }
            }
            catch (HttpRequestException)
            {
                // The functions app may be down in the outage test: keep polling.
            }

            await Task.Delay(250, cancel.Token);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions()) ?? throw new InvalidOperationException("empty answer");
    }
}
