using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Twilio.Wire;

namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// <see cref="ITwilioRestClient"/> over HttpClient: form-encoded requests with exactly the parameter names of
/// Twilio's OpenAPI spec, basic auth, JSON answers read through source generation, paging through
/// <c>next_page_uri</c>, and the retry policy of <see cref="TwilioHttpSender"/>.
/// </summary>
public sealed class TwilioRestClient : ITwilioRestClient
{
    private const int MaxPages = 100;
    private static readonly string[] StatusCallbackEvents = ["initiated", "ringing", "answered", "completed"];
    private readonly TwilioHttpSender sender;
    private readonly string accountPath;
    private readonly string apiAuthority;

    public TwilioRestClient(HttpClient httpClient, IOptions<TwilioOptions> options, ILogger<TwilioRestClient> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        sender = new TwilioHttpSender(httpClient, value, logger, timeProvider);
        accountPath = "/2010-04-01/Accounts/" + Uri.EscapeDataString(value.AccountSid ?? "");
        apiAuthority = value.ApiBaseUrl.Authority;
    }

    public async Task<IReadOnlyList<AvailableNumber>> SearchAvailableNumbersAsync(AvailableNumberQuery query, CancellationToken cancellationToken)
    {
        TwilioArguments.Query(query);
        var path = new StringBuilder(accountPath).Append("/AvailablePhoneNumbers/").Append(query.CountryCode)
            .Append('/').Append(query.Type).Append(".json?VoiceEnabled=true");
        if (query.AreaCode is int areaCode)
        {
            path.Append("&AreaCode=").Append(areaCode.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Contains is not null)
        {
            path.Append("&Contains=").Append(Uri.EscapeDataString(query.Contains));
        }

        path.Append("&PageSize=").Append(query.Limit.ToString(CultureInfo.InvariantCulture));
        var found = new List<AvailableNumber>();
        string? next = path.ToString();
        for (var page = 0; next is not null && found.Count < query.Limit && page < MaxPages; page++)
        {
            var result = await GetAsync("SearchAvailableNumbers", next, TwilioJsonContext.Default.AvailablePhoneNumberPage, cancellationToken);
            foreach (var number in result.AvailablePhoneNumbers ?? [])
            {
                if (number.PhoneNumber is not null && found.Count < query.Limit)
                {
                    found.Add(new AvailableNumber(number.PhoneNumber, number.FriendlyName ?? number.PhoneNumber, number.Locality,
                        number.Region, number.IsoCountry ?? query.CountryCode, number.Capabilities?.Voice ?? false));
                }
            }

            next = NextPage("SearchAvailableNumbers", result.NextPageUri, next);
        }

        return found;
    }

    public async Task<IncomingNumber> BuyNumberAsync(BuyNumberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TwilioArguments.E164(request.PhoneNumber, nameof(request));
        TwilioArguments.WebhookUrl(request.VoiceUrl, nameof(request));
        TwilioArguments.WebhookUrl(request.StatusCallback, nameof(request));
        var form = new List<KeyValuePair<string, string>>
        {
            new("PhoneNumber", request.PhoneNumber),
            new("VoiceUrl", request.VoiceUrl),
            new("VoiceMethod", "POST"),
            new("StatusCallback", request.StatusCallback),
            new("StatusCallbackMethod", "POST"),
        };
        if (!string.IsNullOrWhiteSpace(request.FriendlyName))
        {
            form.Add(new("FriendlyName", request.FriendlyName.Length > 64 ? request.FriendlyName[..64] : request.FriendlyName));
        }

        var twilioRequest = new TwilioRequest("BuyNumber", HttpMethod.Post, accountPath + "/IncomingPhoneNumbers.json", form, TwilioRetryMode.OnlyIfNotSent);
        return ToNumber("BuyNumber", await SendAsync(twilioRequest, TwilioJsonContext.Default.IncomingPhoneNumberResource, cancellationToken));
    }

    public async Task<IncomingNumber> UpdateNumberWebhooksAsync(string numberSid, string voiceUrl, string statusCallback, CancellationToken cancellationToken)
    {
        TwilioArguments.Sid(numberSid, "PN", nameof(numberSid));
        TwilioArguments.WebhookUrl(voiceUrl, nameof(voiceUrl));
        TwilioArguments.WebhookUrl(statusCallback, nameof(statusCallback));
        KeyValuePair<string, string>[] form =
        [
            new("VoiceUrl", voiceUrl),
            new("VoiceMethod", "POST"),
            new("StatusCallback", statusCallback),
            new("StatusCallbackMethod", "POST"),
        ];

        // Setting the same URLs twice leaves the same state, so this update may be retried.
        var request = new TwilioRequest("UpdateNumberWebhooks", HttpMethod.Post, NumberPath(numberSid), form, TwilioRetryMode.Idempotent);
        return ToNumber("UpdateNumberWebhooks", await SendAsync(request, TwilioJsonContext.Default.IncomingPhoneNumberResource, cancellationToken));
    }

    public async Task ReleaseNumberAsync(string numberSid, CancellationToken cancellationToken)
    {
        TwilioArguments.Sid(numberSid, "PN", nameof(numberSid));
        var request = new TwilioRequest("ReleaseNumber", HttpMethod.Delete, NumberPath(numberSid), null, TwilioRetryMode.Idempotent);
        await sender.SendAsync(request, cancellationToken);
    }

    public async Task<IReadOnlyList<IncomingNumber>> ListNumbersAsync(string? phoneNumber, CancellationToken cancellationToken)
    {
        var path = accountPath + "/IncomingPhoneNumbers.json?PageSize=50";
        if (phoneNumber is not null)
        {
            TwilioArguments.E164(phoneNumber, nameof(phoneNumber));
            path += "&PhoneNumber=" + Uri.EscapeDataString(phoneNumber);
        }

        var numbers = new List<IncomingNumber>();
        string? next = path;
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var result = await GetAsync("ListNumbers", next, TwilioJsonContext.Default.IncomingPhoneNumberPage, cancellationToken);
            foreach (var number in result.IncomingPhoneNumbers ?? [])
            {
                numbers.Add(ToNumber("ListNumbers", number));
            }

            next = NextPage("ListNumbers", result.NextPageUri, next);
        }

        return numbers;
    }

    public async Task<TwilioCall> CreateCallAsync(CreateCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.To, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.From, nameof(request));
        TwilioArguments.Twiml(request.Twiml, nameof(request));
        TwilioArguments.WebhookUrl(request.StatusCallback, nameof(request));
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", request.To),
            new("From", request.From),
            new("Twiml", request.Twiml),
            new("StatusCallback", request.StatusCallback),
            new("StatusCallbackMethod", "POST"),
        };
        foreach (var statusEvent in StatusCallbackEvents)
        {
            form.Add(new("StatusCallbackEvent", statusEvent));
        }

        var twilioRequest = new TwilioRequest("CreateCall", HttpMethod.Post, accountPath + "/Calls.json", form, TwilioRetryMode.OnlyIfNotSent);
        return ToCall("CreateCall", await SendAsync(twilioRequest, TwilioJsonContext.Default.CallResource, cancellationToken));
    }

    public async Task<TwilioCall> RedirectCallAsync(string callSid, string twiml, CancellationToken cancellationToken)
    {
        TwilioArguments.Sid(callSid, "CA", nameof(callSid));
        TwilioArguments.Twiml(twiml, nameof(twiml));
        KeyValuePair<string, string>[] form = [new("Twiml", twiml)];

        // Redirecting restarts the call's TwiML: not repeated unless it never left.
        var request = new TwilioRequest("RedirectCall", HttpMethod.Post, CallPath(callSid), form, TwilioRetryMode.OnlyIfNotSent);
        return ToCall("RedirectCall", await SendAsync(request, TwilioJsonContext.Default.CallResource, cancellationToken));
    }

    public async Task<TwilioCall> GetCallAsync(string callSid, CancellationToken cancellationToken)
    {
        TwilioArguments.Sid(callSid, "CA", nameof(callSid));
        return ToCall("GetCall", await GetAsync("GetCall", CallPath(callSid), TwilioJsonContext.Default.CallResource, cancellationToken));
    }

    public async Task<TwilioCall> EndCallAsync(string callSid, CancellationToken cancellationToken)
    {
        TwilioArguments.Sid(callSid, "CA", nameof(callSid));
        KeyValuePair<string, string>[] form = [new("Status", "completed")];
        var request = new TwilioRequest("EndCall", HttpMethod.Post, CallPath(callSid), form, TwilioRetryMode.OnlyIfNotSent);
        return ToCall("EndCall", await SendAsync(request, TwilioJsonContext.Default.CallResource, cancellationToken));
    }

    private static IncomingNumber ToNumber(string operation, IncomingPhoneNumberResource resource)
    {
        if (resource.Sid is null || resource.PhoneNumber is null)
        {
            throw TwilioErrorMapper.UnreadableResponse(operation, "the phone number has no sid or phone_number", null);
        }

        return new IncomingNumber(resource.Sid, resource.PhoneNumber, resource.VoiceUrl, resource.StatusCallback);
    }

    private static TwilioCall ToCall(string operation, CallResource resource)
    {
        if (resource.Sid is null || resource.Status is null)
        {
            throw TwilioErrorMapper.UnreadableResponse(operation, "the call has no sid or status", null);
        }

        return new TwilioCall(resource.Sid, resource.Status, resource.To ?? "", resource.From ?? "");
    }

    /// <summary>
    /// The next page to read: <c>next_page_uri</c> is a path of this account's API (an absolute URL is accepted only on
    /// the configured host). Anything else is refused rather than followed or silently dropped.
    /// </summary>
    private string? NextPage(string operation, string? nextPageUri, string current)
    {
        if (string.IsNullOrEmpty(nextPageUri) || nextPageUri == current)
        {
            return null;
        }

        if (Uri.TryCreate(nextPageUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            nextPageUri = absolute.Authority == apiAuthority ? absolute.PathAndQuery : null;
        }

        return nextPageUri is not null && nextPageUri.StartsWith(accountPath + "/", StringComparison.Ordinal)
            ? nextPageUri
            : throw TwilioErrorMapper.UnreadableResponse(operation, "next_page_uri points outside this account's API", null);
    }

    private string NumberPath(string numberSid) => accountPath + "/IncomingPhoneNumbers/" + numberSid + ".json";

    private string CallPath(string callSid) => accountPath + "/Calls/" + callSid + ".json";

    private Task<T> GetAsync<T>(string operation, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(new TwilioRequest(operation, HttpMethod.Get, pathAndQuery, null, TwilioRetryMode.Idempotent), type, cancellationToken);

    private async Task<T> SendAsync<T>(TwilioRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var body = await sender.SendAsync(request, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw TwilioErrorMapper.UnreadableResponse(request.Operation, "empty JSON", null);
        }
        catch (JsonException ex)
        {
            throw TwilioErrorMapper.UnreadableResponse(request.Operation, "invalid JSON (" + ex.Message + ")", ex);
        }
    }
}
