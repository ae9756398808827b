namespace VoiceConnector.Infra.Model;

/// <summary>A protocol and its ports (single ports or <c>min-max</c> ranges).</summary>
public sealed record FirewallAllow(string Protocol, IReadOnlyList<string> Ports);
