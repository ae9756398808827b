namespace VoiceConnector.Functions.Api.Numbers;

/// <summary>
/// Body of <c>POST /v1/numbers</c>. Kind "twilio" (default) buys a number from Twilio: <see cref="PhoneNumber"/>, or
/// the first number found with <see cref="Country"/>/<see cref="AreaCode"/>/<see cref="Contains"/>; requires an
/// <c>Idempotency-Key</c>. Kind "sip" attaches a number arriving over the customer's own SIP trunk (no purchase).
/// </summary>
public sealed record NumberRequest
{
    public string? Kind { get; init; }
    public string? PhoneNumber { get; init; }
    public string? AgentId { get; init; }
    /// <summary>"stream" (Twilio Media Streams, default for Twilio numbers) or "sip" (Twilio dials the edge over SIP).</summary>
    public string? Routing { get; init; }
    public string? Country { get; init; }
    public int? AreaCode { get; init; }
    public string? Contains { get; init; }
}
