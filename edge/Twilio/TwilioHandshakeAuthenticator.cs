using Microsoft.Extensions.Options;
using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> on the WebSocket upgrade: HMAC-SHA1 over the <c>wss://</c> URL Twilio called
/// (no form parameters). That URL is <see cref="TwilioOptions.MediaStreamUrl"/> when configured (a load balancer
/// rewrites the request URL), else the URL rebuilt from the request; with
/// <see cref="TwilioOptions.TrustForwardedHeaders"/> also the URL rebuilt from <c>X-Forwarded-Proto/Host</c>.
/// </summary>
internal sealed class TwilioHandshakeAuthenticator
{
    private readonly TwilioOptions options;
    private readonly TwilioSignature? signature;

    public TwilioHandshakeAuthenticator(IOptions<TwilioOptions> options)
    {
        this.options = options.Value;
        signature = string.IsNullOrEmpty(this.options.AuthToken) ? null : new TwilioSignature(this.options.AuthToken);
    }

    /// <summary>True when the request may open a stream (always, when validation is switched off).</summary>
    public bool IsAuthentic(HttpRequest request)
    {
        if (!options.ValidateSignature)
        {
            return true;
        }

        var header = request.Headers["X-Twilio-Signature"].ToString();
        if (signature is null || header.Length == 0)
        {
            return false;
        }

        foreach (var url in CandidateUrls(request))
        {
            if (signature.IsValid(url, null, header))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> CandidateUrls(HttpRequest request)
    {
        var urls = new List<string>(2);
        var pathAndQuery = request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        if (!string.IsNullOrEmpty(options.MediaStreamUrl))
        {
            urls.Add(options.MediaStreamUrl);
        }
        else
        {
            urls.Add((request.IsHttps ? "wss://" : "ws://") + request.Host.Value + pathAndQuery);
        }

        if (options.TrustForwardedHeaders)
        {
            var host = FirstValue(request.Headers["X-Forwarded-Host"].ToString());
            var proto = FirstValue(request.Headers["X-Forwarded-Proto"].ToString());
            if (host.Length > 0)
            {
                var scheme = proto.Equals("http", StringComparison.OrdinalIgnoreCase) || proto.Equals("ws", StringComparison.OrdinalIgnoreCase)
                    ? "ws://"
                    : "wss://";
                urls.Add(scheme + host + pathAndQuery);
            }
        }

        return urls;
    }

    /// <summary>The first (client-most) entry of a comma-separated forwarding header.</summary>
    private static string FirstValue(string header)
    {
        var comma = header.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? header : header[..comma]).Trim();
    }
}
