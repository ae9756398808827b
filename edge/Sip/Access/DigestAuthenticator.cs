using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Sip.Access;

/// <summary>
/// SIP digest authentication (RFC 3261 §22, RFC 2617 / RFC 7616 with MD5, qop=auth). Nonces are stateless:
/// a timestamp signed with a per-process key, valid for five minutes.
/// </summary>
public sealed class DigestAuthenticator
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly IDictionary<string, string> users;
    private readonly TimeProvider time;

    public DigestAuthenticator(IOptions<SipOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        users = options.Value.Users;
        Realm = options.Value.Realm;
        this.time = time;
    }

    public bool IsEnabled => users.Count > 0;

    public string Realm { get; }

    /// <summary>The WWW-Authenticate value for a 401.</summary>
    public string Challenge(bool stale) =>
        $"Digest realm={SipText.Quote(Realm)}, nonce={SipText.Quote(NewNonce())}, algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : string.Empty);

    /// <summary>Checks the request's Authorization header. <paramref name="stale"/> is true when only the nonce expired.</summary>
    public bool Verify(SipRequest request, out bool stale)
    {
        ArgumentNullException.ThrowIfNull(request);
        stale = false;
        var header = request.Headers[SipHeaderNames.Authorization];
        if (header is null || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fields = ParseFields(header[7..]);
        if (!fields.TryGetValue("username", out var user) || !users.TryGetValue(user, out var password)
            || !fields.TryGetValue("realm", out var realm) || realm != Realm
            || !fields.TryGetValue("nonce", out var nonce) || !fields.TryGetValue("uri", out var uri)
            || !fields.TryGetValue("response", out var response)
            || (fields.TryGetValue("algorithm", out var algorithm) && !string.Equals(algorithm, "MD5", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!IsNonceValid(nonce, out stale))
        {
            return false;
        }

        var ha1 = Md5Hex($"{user}:{realm}:{password}");
        var ha2 = Md5Hex($"{request.Method}:{uri}");
        string expected;
        if (fields.TryGetValue("qop", out var qop))
        {
            if (qop != "auth" || !fields.TryGetValue("nc", out var nc) || !fields.TryGetValue("cnonce", out var cnonce))
            {
                return false;
            }

            expected = Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
        }
        else
        {
            expected = Md5Hex($"{ha1}:{nonce}:{ha2}");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant()));
    }

    /// <summary>MD5 as the digest scheme defines it, lower-case hex.</summary>
    public static string Md5Hex(string text)
    {
#pragma warning disable CA5351 // RFC 2617/3261 digest mandates MD5; it is a protocol requirement, not our choice of hash.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }

    private static Dictionary<string, string> ParseFields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in SipText.SplitList(text))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = item[(eq + 1)..].Trim();
            if (value.StartsWith('"'))
            {
                var i = 0;
                value = SipText.TryReadQuoted(value, ref i, out var unquoted) ? unquoted : value;
            }

            fields[item[..eq].Trim()] = value;
        }

        return fields;
    }

    private string NewNonce()
    {
        Span<byte> data = stackalloc byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(data, time.GetUtcNow().ToUnixTimeMilliseconds());
        HMACSHA256.HashData(key, data[..8])[..16].CopyTo(data[8..]);
        return Convert.ToBase64String(data);
    }

    private bool IsNonceValid(string nonce, out bool stale)
    {
        stale = false;
        Span<byte> data = stackalloc byte[24];
        if (!Convert.TryFromBase64String(nonce, data, out var written) || written != 24)
        {
            return false;
        }

        var mac = HMACSHA256.HashData(key, data[..8]);
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, 16), data[8..]))
        {
            return false;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(data));
        stale = time.GetUtcNow() - issued > NonceLifetime;
        return !stale;
    }
}
