using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// Sends one <see cref="TwilioRequest"/> with basic auth, a per-attempt timeout and the retry policy:
/// idempotent requests are retried on 429, 5xx, timeouts and network failures (honouring Retry-After);
/// requests that buy or start something are resent only when the connection was never established.
/// A DELETE that finds the resource gone after an earlier, possibly delivered attempt counts as done.
/// </summary>
internal sealed class TwilioHttpSender
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient http;
    private readonly TwilioOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly AuthenticationHeaderValue? authorization;

    public TwilioHttpSender(HttpClient http, TwilioOptions options, ILogger logger, TimeProvider time)
    {
        this.http = http;
        this.options = options;
        this.logger = logger;
        this.time = time;
        if (options.IsConfigured)
        {
            var credentials = Encoding.UTF8.GetBytes(options.AccountSid + ":" + options.AuthToken);
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }
    }

    public async Task<byte[]> SendAsync(TwilioRequest request, CancellationToken cancellationToken)
    {
        if (authorization is null)
        {
            throw new TwilioApiException(0, null, $"Twilio {request.Operation} failed: Twilio is not configured (set Twilio:AccountSid and Twilio:AuthToken).", null);
        }

        // The base URL may carry a path prefix (a proxy); the API path is appended to it.
        var uri = new Uri(options.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.PathAndQuery);
        var earlierAttemptMayHaveArrived = false;
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(request, uri, cancellationToken);
            if (result.IsSuccess)
            {
                return result.Body;
            }

            if (result.StatusCode == 404 && request.Method == HttpMethod.Delete && earlierAttemptMayHaveArrived)
            {
                TwilioLog.AlreadyDeleted(logger, request.Operation);
                return [];
            }

            var repeatable = request.RetryMode == TwilioRetryMode.Idempotent || result.NotSent;
            if (result.IsTransient && repeatable && attempt <= options.MaxRetries)
            {
                var delay = result.RetryAfter ?? TwilioRetryDelay.Backoff(options, attempt);
                if (delay <= options.MaxRetryDelay)
                {
                    TwilioLog.Retrying(logger, request.Operation, attempt, result.Reason, (long)delay.TotalMilliseconds);
                    earlierAttemptMayHaveArrived |= !result.NotSent;
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                }
            }

            throw Fail(request, result);
        }
    }

    private TwilioApiException Fail(TwilioRequest request, TwilioAttemptResult result)
    {
        // Outcome unknown: the request may have been carried out, and it is one we do not repeat.
        var unknown = request.RetryMode == TwilioRetryMode.OnlyIfNotSent && !result.NotSent
            && (result.StatusCode == 0 || result.StatusCode >= 500);
        if (unknown)
        {
            TwilioLog.OutcomeUnknown(logger, request.Operation, result.Reason);
        }

        if (result.StatusCode == 0)
        {
            return TwilioErrorMapper.FromFailure(request.Operation, result, unknown);
        }

        var exception = TwilioErrorMapper.FromResponse(request.Operation, result, unknown);
        TwilioLog.Failed(logger, request.Operation, exception.StatusCode, exception.ErrorCode);
        return exception;
    }

    private async Task<TwilioAttemptResult> AttemptAsync(TwilioRequest request, Uri uri, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(options.RequestTimeout);
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.Authorization = authorization;
        message.Headers.Accept.Add(Json);
        if (request.Form is not null)
        {
            message.Content = new FormUrlEncodedContent(request.Form);
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token);
            var retryAfter = TwilioRetryDelay.FromRetryAfter(response.Headers.RetryAfter, time);
            return new TwilioAttemptResult((int)response.StatusCode, body, retryAfter, null, false, null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = "no answer within " + options.RequestTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s";
            return new TwilioAttemptResult(0, [], null, reason, false, ex);
        }
        catch (HttpRequestException ex)
        {
            // Only a connection that was never established proves Twilio never saw the request.
            var notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            var reason = (notSent ? "could not connect: " : "connection failed: ") + ex.Message;
            return new TwilioAttemptResult(0, [], null, reason, notSent, ex);
        }
        catch (IOException ex)
        {
            return new TwilioAttemptResult(0, [], null, "connection lost: " + ex.Message, false, ex);
        }
    }
}
