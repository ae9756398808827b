using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Api.Agents;
using VoiceConnector.Functions.Api.Calls;
using VoiceConnector.Functions.Api.Numbers;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Maps the provisioning API (<c>/v1</c>, tenant API keys) onto its handlers.</summary>
public static class ProvisioningEndpoints
{
    public static IEndpointRouteBuilder MapProvisioningApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").AddEndpointFilter(TenantAuthentication.FilterAsync)
            .ProducesProblem(401).WithTags("provisioning");

        v1.MapPost("/agents", async (HttpContext http, AgentHandlers agents, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await WithBodyAsync<AgentRequest>(http, options, body => agents.CreateAsync(http.TenantId(), body, ct), ct))
            .Accepts<AgentRequest>("application/json").Produces<AgentResource>(201).ProducesProblem(400).ProducesProblem(413);
        v1.MapGet("/agents", async (HttpContext http, AgentHandlers agents, CancellationToken ct) =>
            (await agents.ListAsync(http.TenantId(), ct)).ToHttpResult())
            .Produces<ResourceList<AgentResource>>();
        v1.MapGet("/agents/{id}", async (string id, HttpContext http, AgentHandlers agents, CancellationToken ct) =>
            (await agents.GetAsync(http.TenantId(), id, ct)).ToHttpResult())
            .Produces<AgentResource>().ProducesProblem(404);
        v1.MapPut("/agents/{id}", async (string id, HttpContext http, AgentHandlers agents, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await WithBodyAsync<AgentRequest>(http, options, body => agents.ReplaceAsync(http.TenantId(), id, body, ct), ct))
            .Accepts<AgentRequest>("application/json").Produces<AgentResource>().ProducesProblem(400).ProducesProblem(404);
        v1.MapDelete("/agents/{id}", async (string id, HttpContext http, AgentHandlers agents, CancellationToken ct) =>
            (await agents.DeleteAsync(http.TenantId(), id, ct)).ToHttpResult())
            .Produces(204).ProducesProblem(404).ProducesProblem(409);

        v1.MapGet("/numbers/available", async (HttpContext http, NumberHandlers numbers, CancellationToken ct,
            string? country, string? type, int? areaCode, string? contains, int? limit) =>
            (await numbers.SearchAsync(country ?? "US", type ?? "Local", areaCode, contains, limit ?? 20, ct)).ToHttpResult())
            .Produces<ResourceList<AvailableNumberResource>>().ProducesProblem(400).ProducesProblem(502);
        v1.MapPost("/numbers", async (HttpContext http, NumberHandlers numbers, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await WithBodyAsync<NumberRequest>(http, options, body => numbers.CreateAsync(http.TenantId(), IdempotencyKey(http), body, ct), ct))
            .Accepts<NumberRequest>("application/json").Produces<NumberResource>(201).RequiresIdempotencyKey()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        v1.MapGet("/numbers", async (HttpContext http, NumberHandlers numbers, CancellationToken ct) =>
            (await numbers.ListAsync(http.TenantId(), ct)).ToHttpResult())
            .Produces<ResourceList<NumberResource>>();
        v1.MapGet("/numbers/{id}", async (string id, HttpContext http, NumberHandlers numbers, CancellationToken ct) =>
            (await numbers.GetAsync(http.TenantId(), id, ct)).ToHttpResult())
            .Produces<NumberResource>().ProducesProblem(404);
        v1.MapPatch("/numbers/{id}", async (string id, HttpContext http, NumberHandlers numbers, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await WithBodyAsync<NumberUpdateRequest>(http, options, body => numbers.UpdateAsync(http.TenantId(), id, body, ct), ct))
            .Accepts<NumberUpdateRequest>("application/json").Produces<NumberResource>().ProducesProblem(400).ProducesProblem(404);
        v1.MapDelete("/numbers/{id}", async (string id, HttpContext http, NumberHandlers numbers, CancellationToken ct) =>
            (await numbers.DeleteAsync(http.TenantId(), id, ct)).ToHttpResult())
            .Produces(204).ProducesProblem(404).ProducesProblem(502);

        v1.MapPost("/calls", async (HttpContext http, CallHandlers calls, IOptions<FunctionsOptions> options, CancellationToken ct) =>
            await WithBodyAsync<CallRequest>(http, options, body => calls.CreateAsync(http.TenantId(), IdempotencyKey(http), body, ct), ct))
            .Accepts<CallRequest>("application/json").Produces<CallResource>(201).RequiresIdempotencyKey()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        v1.MapGet("/calls", async (HttpContext http, CallHandlers calls, CancellationToken ct, int? limit, string? before) =>
        {
            if (before is not null && !DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                return Problems.Validation("before", "Must be an ISO 8601 timestamp.").ToHttpResult();
            }

            var startedBefore = before is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            return (await calls.ListAsync(http.TenantId(), limit ?? 50, startedBefore, ct)).ToHttpResult();
        })
            .Produces<ResourceList<CallResource>>().ProducesProblem(400);
        v1.MapGet("/calls/{id}", async (string id, HttpContext http, CallHandlers calls, CancellationToken ct) =>
            (await calls.GetAsync(http.TenantId(), id, ct)).ToHttpResult())
            .Produces<CallResource>().ProducesProblem(404);
        return routes;
    }

    private static string? IdempotencyKey(HttpContext http) =>
        http.Request.Headers.TryGetValue(IdempotentExecution.HeaderName, out var key) ? key.ToString() : null;

    private static async Task<IResult> WithBodyAsync<T>(HttpContext http, IOptions<FunctionsOptions> options, Func<T, Task<HandlerResult>> handle, CancellationToken ct)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(http.Request, options.Value.MaxApiBodyBytes, ct);
        return (problem ?? await handle(body!)).ToHttpResult();
    }
}
