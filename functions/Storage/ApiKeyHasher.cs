using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Storage;

/// <summary>Makes API keys and hashes them with HMAC-SHA256 keyed by the <c>ApiKeys:Pepper</c> secret; keys are never stored plain.</summary>
public sealed class ApiKeyHasher(IOptions<ApiKeyOptions> options)
{
    /// <summary>Every key starts with this, so leaked keys are easy to recognise.</summary>
    public const string KeyPrefix = "vck_";

    private readonly byte[] pepper = Encoding.UTF8.GetBytes(options.Value.Pepper);

    public static string NewKey() =>
        KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public string Hash(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(apiKey)));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
