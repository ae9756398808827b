namespace VoiceConnector.Infra.Model;

/// <summary>A container health probe: HTTP GET <paramref name="HttpPath"/>, or a TCP connect when it is null.</summary>
public sealed record ProbeSpec(string? HttpPath, int Port, int InitialDelaySeconds, int PeriodSeconds, int TimeoutSeconds, int FailureThreshold);
