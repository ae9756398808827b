using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Api;

[Collection(PostgresGroup.Name)]
public sealed class OpenApiDocumentTests(PostgresServer postgres)
{
    [Fact]
    public async Task OpenApi_Document_DescribesApiSchemasAndBearerAuth()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        using var client = app.Client(null);

        var document = await HttpJson.ReadAsync(await client.GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/agents", "/v1/agents/{id}", "/v1/numbers", "/v1/numbers/available", "/v1/numbers/{id}", "/v1/calls", "/v1/calls/{id}", "/edge/v1/call-records" })
        {
            Assert.True(paths.TryGetProperty(path, out _), "missing " + path);
        }

        Assert.True(paths.GetProperty("/v1/numbers/{id}").TryGetProperty("patch", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("AgentRequest").GetProperty("properties").TryGetProperty("systemPrompt", out _));
        Assert.True(schemas.TryGetProperty("CallRecord", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.False(paths.TryGetProperty("/twilio/voice", out _));
        var callParameters = paths.GetProperty("/v1/calls").GetProperty("post").GetProperty("parameters").EnumerateArray();
        Assert.Contains(callParameters, p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
    }
}
