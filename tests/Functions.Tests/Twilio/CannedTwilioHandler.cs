using System.Net;
using System.Text;

namespace VoiceConnector.Functions.Tests.Twilio;

/// <summary>
/// Answers with fixed responses, for the malformed answers the spec-driven fake never produces (HTML error pages,
/// broken JSON, links to other hosts). Records the request URIs.
/// </summary>
public sealed class CannedTwilioHandler(params (HttpStatusCode Status, string ContentType, string Body)[] responses) : HttpMessageHandler
{
    private int next;

    public List<Uri> RequestUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestUris.Add(request.RequestUri!);
        var (status, contentType, body) = responses[Math.Min(next++, responses.Length - 1)];
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
    }
}
