namespace VoiceConnector.TwilioFake.Spec;

/// <summary>Whether a request's path and method name an operation of the spec.</summary>
public enum SpecRouteOutcome
{
    Found,
    NotFound,
    MethodNotAllowed,
}
