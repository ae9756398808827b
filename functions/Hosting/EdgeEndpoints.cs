using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.EdgeFacing;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Maps the endpoints the edge calls (<see cref="EdgeApi"/>), all behind <c>Authorization: Bearer &lt;Edge:Key&gt;</c>.</summary>
public static class EdgeEndpoints
{
    public static IEndpointRouteBuilder MapEdgeEndpoints(this IEndpointRouteBuilder routes)
    {
        var edge = routes.MapGroup("").AddEndpointFilter(AuthorizeAsync).ProducesProblem(401).WithTags("edge");
        edge.MapGet(EdgeApi.AgentByNumberPath, async (string number, EdgeHandlers handlers, CancellationToken ct) =>
            (await handlers.AgentByNumberAsync(number, ct)).ToHttpResult())
            .Produces<AgentLookup>().ProducesProblem(404);
        edge.MapPost(EdgeApi.CallRecordsPath, async (HttpContext http, EdgeHandlers handlers, IOptions<FunctionsOptions> options, CancellationToken ct) =>
        {
            var (record, problem) = await JsonBody.ReadAsync<CallRecord>(http.Request, options.Value.MaxCallRecordBytes, ct);
            return (problem ?? await handlers.IngestCallRecordAsync(record!, ct)).ToHttpResult();
        })
            .Accepts<CallRecord>("application/json").Produces<CallRecordReceipt>().ProducesProblem(400).ProducesProblem(413);
        edge.MapPost(EdgeApi.TransferPath, async (HttpContext http, EdgeHandlers handlers, IOptions<FunctionsOptions> options, CancellationToken ct) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<TransferRequest>(http.Request, options.Value.MaxApiBodyBytes, ct);
            return (problem ?? await handlers.TransferAsync(request!, ct)).ToHttpResult();
        })
            .Accepts<TransferRequest>("application/json").Produces<TransferReceipt>().ProducesProblem(400).ProducesProblem(502);
        edge.MapPost(EdgeApi.HangUpPath, async (HttpContext http, EdgeHandlers handlers, IOptions<FunctionsOptions> options, CancellationToken ct) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<HangUpRequest>(http.Request, options.Value.MaxApiBodyBytes, ct);
            return (problem ?? await handlers.HangUpAsync(request!, ct)).ToHttpResult();
        })
            .Accepts<HangUpRequest>("application/json").Produces<HangUpReceipt>().ProducesProblem(400).ProducesProblem(502);
        return routes;
    }

    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var verifier = context.HttpContext.RequestServices.GetRequiredService<EdgeKeyVerifier>();
        return verifier.IsAuthorized(context.HttpContext.Request.Headers.Authorization.ToString())
            ? await next(context)
            : Problems.Unauthorized("Send Authorization: Bearer <Edge:Key>.").ToHttpResult();
    }
}
