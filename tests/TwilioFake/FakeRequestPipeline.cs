using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VoiceConnector.TwilioFake.Operations;
using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.Spec;
using VoiceConnector.TwilioFake.Validation;

namespace VoiceConnector.TwilioFake;

/// <summary>
/// Handles each request as Twilio would, strictly by the spec: route (404/405), basic auth (401), injected faults,
/// validation of every parameter (400, recorded as a violation), then the operation. Every request is recorded.
/// </summary>
internal sealed class FakeRequestPipeline(
    OpenApiSpec spec,
    OperationDispatcher dispatcher,
    FaultPlan faults,
    FakeTwilioServerOptions options,
    TimeProvider time,
    CancellationToken stopping)
{
    private readonly RequestValidator validator = new(spec);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<SpecViolation> Violations { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = time.GetUtcNow();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var query = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        var form = new List<KeyValuePair<string, string>>();
        if (request.HasFormContentType)
        {
            try
            {
                var read = await request.ReadFormAsync(stopping);
                form.AddRange(read.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
            }
            catch (InvalidDataException ex)
            {
                form.Add(new("<unreadable form>", ex.Message));
            }
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(stopping);
            if (text.Length > 0)
            {
                form.Add(new("<body>", text));
            }
        }

        var route = spec.Route(request.Method, path);
        var operationId = route.Operation?.OperationId;
        var status = 0;
        var recorded = false;
        void Record(int answered)
        {
            if (!recorded)
            {
                recorded = true;
                Requests.Enqueue(new RecordedRequest(receivedAt, request.Method, path, query, form, operationId, answered));
            }
        }

        try
        {
            status = await RespondAsync(context, route, path, query, form, Record);
        }
        finally
        {
            Record(status);
        }
    }

    /// <param name="record">Records the request; called before a dropped connection, so a client that sees the drop
    /// finds the request recorded.</param>
    private async Task<int> RespondAsync(
        HttpContext context, SpecRoute route, string path, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> form, Action<int> record)
    {
        var method = context.Request.Method;
        if (route.Outcome != SpecRouteOutcome.Found)
        {
            var notFound = route.Outcome == SpecRouteOutcome.NotFound;
            Violate(method, path, null, notFound ? "no such path in the spec" : $"the spec defines no {method} for this path");
            return await WriteAsync(context, OperationResult.Error(notFound ? FakeTwilioError.NotFound(path) : FakeTwilioError.MethodNotAllowed(method)));
        }

        var operation = route.Operation!;
        if (!Authenticate(context.Request, route, out var malformed))
        {
            if (malformed is not null)
            {
                Violate(method, path, operation.OperationId, malformed);
            }

            return await WriteAsync(context, OperationResult.Error(FakeTwilioError.Authenticate()));
        }

        var fault = faults.Take(operation.OperationId);
        switch (fault?.Kind)
        {
            case FakeFaultKind.Status:
                return await WriteFaultAsync(context, fault);
            case FakeFaultKind.DropBeforeHandling:
                record(0);
                context.Abort();
                return 0;
            case FakeFaultKind.Slow:
                await Task.Delay(fault.Delay, time, stopping);
                break;
        }

        var problems = validator.Validate(operation, route.PathValues, query, context.Request.ContentType, form);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Violate(method, path, operation.OperationId, problem);
            }

            return await WriteAsync(context, OperationResult.Error(FakeTwilioError.InvalidRequest(string.Join("; ", problems))));
        }

        var result = dispatcher.Handle(new OperationContext(operation, path, route.PathValues, query, form, time.GetUtcNow()));
        if (fault?.Kind == FakeFaultKind.DropAfterHandling)
        {
            record(0);
            context.Abort();
            return 0;
        }

        return await WriteAsync(context, result);
    }

    /// <summary>HTTP Basic with AccountSid:AuthToken; <paramref name="malformed"/> says why a header breaks the spec's security scheme.</summary>
    private bool Authenticate(HttpRequest request, SpecRoute route, out string? malformed)
    {
        malformed = null;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            malformed = "no HTTP Basic Authorization header (the spec's security scheme accountSid_authToken)";
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            malformed = "Authorization Basic value is not base64";
            return false;
        }

        var expected = options.AccountSid + ":" + options.AuthToken;
        return credentials == expected && route.PathValues.GetValueOrDefault("AccountSid") == options.AccountSid;
    }

    private void Violate(string method, string path, string? operationId, string problem) =>
        Violations.Enqueue(new SpecViolation(method, path, operationId, problem));

    private static async Task<int> WriteFaultAsync(HttpContext context, FakeFault fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var error = fault switch
        {
            { ErrorCode: int code } => new FakeTwilioError(fault.StatusCode, code, fault.ErrorMessage ?? ""),
            { StatusCode: 429 } => FakeTwilioError.TooManyRequests(),
            _ => FakeTwilioError.ServerError(fault.StatusCode),
        };
        return await WriteAsync(context, OperationResult.Error(error));
    }

    private static async Task<int> WriteAsync(HttpContext context, OperationResult result)
    {
        context.Response.StatusCode = result.Status;
        if (result.Body is JsonObject body)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }

        return result.Status;
    }
}
