using System.Security.Cryptography;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake;

/// <summary>How to start a <see cref="FakeTwilioServer"/>; every value has a working default.</summary>
public sealed record FakeTwilioServerOptions
{
    /// <summary>The OpenAPI file; found with <see cref="Spec.SpecFileLocator"/> when null.</summary>
    public string? SpecPath { get; init; }

    public string AccountSid { get; init; } = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string AuthToken { get; init; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public IReadOnlyList<AvailableNumberEntry> Catalogue { get; init; } = AvailableNumberEntry.DefaultCatalogue;
}
