using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>Checks <c>Authorization: Bearer &lt;Edge:Key&gt;</c> in constant time; without a configured key nothing passes.</summary>
public sealed class EdgeKeyVerifier(IOptions<EdgeOptions> options)
{
    private readonly byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key));
    private readonly bool configured = options.Value.Key.Length > 0;

    public bool IsAuthorized(string? authorizationHeader)
    {
        const string Scheme = "Bearer ";
        if (!configured || authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Comparing fixed-length hashes keeps the time independent of both the key's length and its content.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
