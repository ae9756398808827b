using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Sip;

/// <summary>Configuration section "Sip".</summary>
public sealed class SipOptions
{
    public const string SectionName = "Sip";

    /// <summary>Address the UDP and TCP listeners bind.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Port for UDP and TCP (0 = any free port, for tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>Address put in Via/Contact; defaults to the listen address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Source networks (CIDR) allowed to send requests; others get 403.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>Optional digest credentials (user name to password); when set, INVITEs must authenticate.</summary>
    public IDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Digest realm.</summary>
    public string Realm { get; set; } = "voiceconnector";

    /// <summary>Send 180 Ringing before the 200 OK.</summary>
    public bool SendRinging { get; set; }

    /// <summary>Delay between 100 Trying (and 180) and the 200 OK, in milliseconds; a CANCEL in that window gets 487.</summary>
    [Range(0, 60_000)]
    public int AnswerDelayMs { get; set; }

    /// <summary>Out-of-dialog INVITE/OPTIONS/REGISTER requests allowed per source address per second (sustained).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecondPerSource { get; set; } = 200;

    /// <summary>Burst allowance of the per-source limit.</summary>
    [Range(1, 1_000_000)]
    public int RequestBurstPerSource { get; set; } = 400;

    /// <summary>Most live calls at once; further INVITEs get 503.</summary>
    [Range(1, 1_000_000)]
    public int MaxCalls { get; set; } = 5000;

    /// <summary>
    /// At shutdown, new INVITEs get 503 (Retry-After) while live calls may go on this many seconds; those still up
    /// then get a BYE. 0 hangs them up at once.
    /// </summary>
    [Range(0, 3600)]
    public int DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// After the drain, the agents of calls still up are asked to end them (a spoken goodbye) and get this many
    /// seconds before the BYE. 0 sends the BYE at once.
    /// </summary>
    [Range(0, 60)]
    public int FarewellSeconds { get; set; } = 5;

    /// <summary>The networks in force: the configured ones, or loopback only.</summary>
    public IReadOnlyList<string> EffectiveAllowedNetworks => AllowedNetworks.Count > 0 ? [.. AllowedNetworks] : ["127.0.0.0/8", "::1/128"];
}
