using System.Security.Cryptography;
using System.Text;

namespace VoiceConnector.Contracts.Twilio;

/// <summary>
/// Computes and checks <c>X-Twilio-Signature</c> (HMAC-SHA1 keyed with the account's auth token, base64)
/// as Twilio's published rules and official validators do: the full URL Twilio called, followed by the
/// ordinally sorted form parameters as <c>name + value</c>; the URL is also tried without its port and with the
/// scheme's default port. JSON bodies are signed through a <c>bodySHA256</c> query parameter instead.
/// Used by the functions webhooks and by the edge's Media Streams handshake.
/// </summary>
public sealed class TwilioSignature
{
    private readonly byte[] key;

    public TwilioSignature(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        key = Encoding.UTF8.GetBytes(authToken);
    }

    /// <summary>The signature Twilio sends for a request to <paramref name="url"/> with these form parameters.</summary>
    public string Compute(string url, IEnumerable<KeyValuePair<string, string>>? formParameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        if (formParameters is not null)
        {
            var sorted = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var (name, value) in formParameters)
            {
                if (!sorted.TryGetValue(name, out var values))
                {
                    values = new SortedSet<string>(StringComparer.Ordinal);
                    sorted.Add(name, values);
                }

                values.Add(value ?? "");
            }

            foreach (var (name, values) in sorted)
            {
                foreach (var value in values)
                {
                    data.Append(name).Append(value);
                }
            }
        }

        // Twilio defines the signature as HMAC-SHA1; the algorithm is not ours to choose.
#pragma warning disable CA5350
        var mac = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is Twilio's signature of a form-encoded (or bodiless) request
    /// to <paramref name="url"/>, trying the port variants Twilio's own validators accept.
    /// </summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>>? formParameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var parameters = formParameters?.ToList();
        foreach (var candidate in UrlVariants(url))
        {
            if (FixedTimeEquals(Compute(candidate, parameters), signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Validates a request with a JSON (non-form) body: the signature covers the URL only, and the URL's
    /// <c>bodySHA256</c> query parameter must be the SHA-256 (lowercase hex) of the raw body.
    /// </summary>
    public bool IsValidWithBody(string url, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        var expectedHash = QueryValue(url, "bodySHA256");
        if (expectedHash is null || !IsValid(url, null, signature))
        {
            return false;
        }

        var actualHash = Convert.ToHexStringLower(SHA256.HashData(body));
        return FixedTimeEquals(actualHash, expectedHash);
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        // Rebuild from the original text so the query string stays exactly as received.
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (pathStart < 0)
        {
            pathStart = url.Length;
        }

        var authority = url[authorityStart..pathStart];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portSeparator = authority.LastIndexOf(':');
        var hasPort = portSeparator > hostStart && !authority.EndsWith(']');
        if (hasPort)
        {
            yield return url[..(authorityStart + portSeparator)] + url[pathStart..];
        }
        else
        {
            var defaultPort = uri.Scheme is "https" or "wss" ? 443 : 80;
            yield return url[..pathStart] + ":" + defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + url[pathStart..];
        }
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        foreach (var part in url[(query + 1)..].Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(name.AsSpan()))
            {
                return Uri.UnescapeDataString(part[(eq + 1)..]);
            }
        }

        return null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
