namespace VoiceConnector.TwilioFake.Spec;

/// <summary>The operation a request addressed and the values of its path parameters.</summary>
public sealed record SpecRoute(SpecRouteOutcome Outcome, SpecOperation? Operation, IReadOnlyDictionary<string, string> PathValues);
