namespace VoiceConnector.TwilioFake;

/// <summary>A request that broke Twilio's OpenAPI spec: unknown path or method, missing auth, bad parameter.</summary>
public sealed record SpecViolation(string Method, string Path, string? OperationId, string Problem)
{
    public override string ToString() => $"{Method} {Path} ({OperationId ?? "no operation"}): {Problem}";
}
